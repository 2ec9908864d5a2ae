package dev.toggltrackmcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of("abc123supersecret");
    assertThat(secret.toString()).doesNotContain("abc123supersecret").isEqualTo("****");
    assertThat(secret.matches("abc123supersecret")).isTrue();
    assertThat(secret.matches("abc123supersecreT")).isFalse();
    assertThat(secret.matches(null)).isFalse();
  }
}
