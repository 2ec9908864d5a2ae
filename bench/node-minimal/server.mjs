// The yardstick of `bin/bench startup`: the smallest MCP server on the official TypeScript SDK,
// one tool over stdio.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
const server = new McpServer({ name: "min", version: "1.0.0" });
server.tool("echo", "Echoes the text", { text: z.string().describe("text to echo") },
  async ({ text }) => ({ content: [{ type: "text", text }] }));
await server.connect(new StdioServerTransport());
