package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Plain HTTP against the simulator (not our client), as whichever member's token is given. */
final class RawHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private final SimulatedWorld world;
  private final HttpClient http = HttpClient.newHttpClient();

  RawHttp(SimulatedWorld world) {
    this.world = world;
  }

  HttpResponse<String> send(
      String method, String path, @Nullable String token, @Nullable String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(world.simulator.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", basic(token));
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    world.clock.advance(Duration.ofSeconds(2)); // stay under the burst limit
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, @Nullable String token) {
    return send("GET", path, token, null);
  }

  HttpResponse<String> get(String path) {
    return get(path, world.simulator.token());
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, world.simulator.token(), body);
  }

  HttpResponse<String> put(String path, String body) {
    return send("PUT", path, world.simulator.token(), body);
  }

  HttpResponse<String> patch(String path, @Nullable String body) {
    return send("PATCH", path, world.simulator.token(), body);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, world.simulator.token(), null);
  }

  HttpClient client() {
    return http;
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String basic(String token) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((token + ":api_token").getBytes(StandardCharsets.UTF_8));
  }
}
