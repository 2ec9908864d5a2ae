package dev.toggltrackmcp.mcp;

import java.util.Map;

/** What a tool says: a short text for people and the structured result matching its schema. */
record ToolAnswer(String text, Map<String, Object> structured) {}
