package dev.toggltrackmcp.transport;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The SDK's JSON Schema validator, built when the first tool answer is checked against its output
 * schema instead of before {@code initialize} can be answered (it brings some 250 classes of its
 * JSON Schema library). The SDK asks at start-up whether every tool's schemas are valid; that check
 * is made here on a tool's first answer instead (the output schema) and, for every tool and both
 * schemas, by {@code SchemaCheckOnFirstUseTest} before a release. A tool whose output schema is
 * invalid has every answer refused with the validator's message.
 */
final class SchemaCheckOnFirstUse implements JsonSchemaValidator {
  private final Supplier<JsonSchemaValidator> sdkValidator;
  private final Set<Map<String, Object>> checked =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private volatile JsonSchemaValidator sdk;

  SchemaCheckOnFirstUse(Supplier<JsonSchemaValidator> sdkValidator) {
    this.sdkValidator = sdkValidator;
  }

  /** Postponed to the schema's first use in {@link #validate}; see the class comment. */
  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return ValidationResponse.asValid(null);
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    JsonSchemaValidator v = sdk();
    if (!checked.contains(schema)) {
      ValidationResponse valid = v.validateSchema(schema);
      if (!valid.valid()) {
        return ValidationResponse.asInvalid(
            "the tool's output schema is not valid JSON Schema: " + valid.errorMessage());
      }
      checked.add(schema);
    }
    return v.validate(schema, structuredContent);
  }

  private JsonSchemaValidator sdk() {
    JsonSchemaValidator v = sdk;
    if (v == null) {
      synchronized (this) {
        v = sdk;
        if (v == null) {
          v = sdkValidator.get();
          sdk = v;
        }
      }
    }
    return v;
  }
}
