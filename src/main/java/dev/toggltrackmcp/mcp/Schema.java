package dev.toggltrackmcp.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON Schemas of tool arguments and results, as plain maps the SDK serialises. */
final class Schema {
  private Schema() {}

  /** An object schema; properties keep their order, so tools/list reads well. */
  static final class Obj {
    private final Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    Obj prop(String name, Map<String, Object> schema) {
      properties.put(name, schema);
      return this;
    }

    Obj required(String name, Map<String, Object> schema) {
      required.add(name);
      return prop(name, schema);
    }

    Obj props(Map<String, Map<String, Object>> more) {
      more.forEach(this::prop);
      return this;
    }

    Map<String, Object> build() {
      return build(true);
    }

    /** Argument objects are closed: an unknown argument is a mistake worth telling the model. */
    Map<String, Object> build(boolean closed) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("type", "object");
      s.put("properties", properties);
      if (!required.isEmpty()) {
        s.put("required", List.copyOf(required));
      }
      if (closed) {
        s.put("additionalProperties", false);
      }
      return s;
    }

    /** The properties so far, to extend another object schema with. */
    Map<String, Map<String, Object>> properties() {
      return new LinkedHashMap<>(properties);
    }

    List<String> names() {
      return List.copyOf(properties.keySet());
    }
  }

  static Obj object() {
    return new Obj();
  }

  static Map<String, Object> string(String description) {
    return of("type", "string", "description", description);
  }

  static Map<String, Object> nullableString(String description) {
    return eitherType("string", "null", description);
  }

  /**
   * An id (a JSON integer) or a name (a string): what project, client and tag arguments take. Every
   * schema of two types is written as {@code anyOf} with one type each, not as a list of types,
   * which clients that map tool schemas onto a single-type dialect (Gemini's function declarations)
   * reject or drop.
   */
  static Map<String, Object> idOrName(String description) {
    return eitherType("integer", "string", description);
  }

  /**
   * A length: text such as "1h30m" or a number of minutes ({@code anyOf}, as {@link #idOrName}).
   */
  static Map<String, Object> textOrNumber(String description) {
    return eitherType("string", "number", description);
  }

  private static Map<String, Object> eitherType(String one, String other, String description) {
    return of("anyOf", List.of(of("type", one), of("type", other)), "description", description);
  }

  /** A local date-time or one with offset (no bare day). */
  static Map<String, Object> dateTime(String description) {
    Map<String, Object> s = string(description);
    s.put("pattern", "^\\d{4}-\\d{2}-\\d{2}[T ].+$");
    return s;
  }

  static Map<String, Object> date(String description) {
    Map<String, Object> s = string(description);
    s.put("pattern", "^\\d{4}-\\d{2}-\\d{2}(T.+)?$");
    return s;
  }

  static Map<String, Object> oneOf(String description, List<String> values) {
    Map<String, Object> s = string(description);
    s.put("enum", values);
    return s;
  }

  static Map<String, Object> integer(String description) {
    return of("type", "integer", "description", description);
  }

  static Map<String, Object> integer(String description, long min, long max) {
    Map<String, Object> s = integer(description);
    s.put("minimum", min);
    s.put("maximum", max);
    return s;
  }

  static Map<String, Object> nullableInteger(String description) {
    return eitherType("integer", "null", description);
  }

  static Map<String, Object> number(String description) {
    return of("type", "number", "description", description);
  }

  static Map<String, Object> nullableNumber(String description) {
    return eitherType("number", "null", description);
  }

  static Map<String, Object> bool(String description) {
    return of("type", "boolean", "description", description);
  }

  static Map<String, Object> array(String description, Map<String, Object> items) {
    return of("type", "array", "description", description, "items", items);
  }

  /** {@code objectSchema} or null; its description stays on the whole ({@code anyOf}). */
  static Map<String, Object> nullable(Map<String, Object> objectSchema) {
    Map<String, Object> object = new LinkedHashMap<>(objectSchema);
    Object description = object.remove("description");
    Map<String, Object> s = of("anyOf", List.of(object, of("type", "null")));
    if (description != null) {
      s.put("description", description);
    }
    return s;
  }

  /** An object whose properties are not fixed (e.g. a tool call's arguments). */
  static Map<String, Object> anyObject(String description) {
    return of("type", "object", "description", description);
  }

  private static Map<String, Object> of(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
