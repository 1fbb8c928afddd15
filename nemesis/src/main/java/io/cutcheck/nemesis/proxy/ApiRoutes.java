package io.cutcheck.nemesis.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.nemesis.proxy.toxic.Stream;
import io.cutcheck.nemesis.proxy.toxic.Toxic;
import io.cutcheck.nemesis.proxy.toxic.ToxicKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Toxiproxy's HTTP API over the registry: one method per route, the same status codes and
 * bodies. Updates accept POST as well as PATCH, since clients (the Java one among them) send POST.
 */
final class ApiRoutes {

    /** The Toxiproxy release whose API this server follows. */
    static final String VERSION = "2.12.0";

    private final ProxyRegistry registry;

    ApiRoutes(ProxyRegistry registry) {
        this.registry = registry;
    }

    /** Answers one request; {@code segments} is the decoded path split on '/'. */
    ApiResponse handle(String method, List<String> segments, String body) {
        try {
            return route(method, segments, body);
        } catch (ApiError e) {
            return ApiResponse.of(e);
        }
    }

    private ApiResponse route(String method, List<String> path, String body) throws ApiError {
        int n = path.size();
        boolean update = method.equals("POST") || method.equals("PATCH");
        if (n == 1 && path.get(0).equals("version")) {
            return method.equals("GET") ? version() : notAllowed();
        }
        if (n == 1 && path.get(0).equals("reset")) {
            return method.equals("POST") ? reset() : notAllowed();
        }
        if (n == 1 && path.get(0).equals("populate")) {
            return method.equals("POST") ? populate(body) : notAllowed();
        }
        if (n == 0 || !path.get(0).equals("proxies") || n > 4 || (n == 3 && !path.get(2).equals("toxics"))
                || (n == 4 && !path.get(2).equals("toxics"))) {
            return ApiResponse.error(404, "404 page not found");
        }
        if (n == 1) {
            return method.equals("GET") ? proxyIndex() : method.equals("POST") ? proxyCreate(body) : notAllowed();
        }
        String proxy = path.get(1);
        if (n == 2) {
            return method.equals("GET") ? ok(ApiJson.proxy(registry.get(proxy).view()))
                    : update ? proxyUpdate(proxy, body)
                    : method.equals("DELETE") ? proxyDelete(proxy) : notAllowed();
        }
        if (n == 3) {
            return method.equals("GET") ? toxicIndex(proxy) : method.equals("POST") ? toxicCreate(proxy, body) : notAllowed();
        }
        String toxic = path.get(3);
        return method.equals("GET") ? toxicShow(proxy, toxic)
                : update ? toxicUpdate(proxy, toxic, body)
                : method.equals("DELETE") ? toxicDelete(proxy, toxic) : notAllowed();
    }

    private ApiResponse version() {
        return new ApiResponse(200, "application/json;charset=utf-8", "{\"version\": \"" + VERSION + "\"}\n");
    }

    private ApiResponse reset() throws ApiError {
        registry.reset();
        return ApiResponse.noContent();
    }

    private ApiResponse proxyIndex() {
        ObjectNode all = ApiJson.MAPPER.createObjectNode();
        registry.all().forEach(proxy -> all.set(proxy.name(), ApiJson.proxy(proxy.view())));
        return ok(all);
    }

    private ApiResponse proxyCreate(String body) throws ApiError {
        JsonNode input = ApiJson.object(ApiJson.parse(body), "toxiproxy.Proxy");
        ProxyRegistry.ProxySpec spec = spec(input);
        if (spec.name().isEmpty()) {
            throw ApiError.missingField("name");
        }
        if (spec.upstream().isEmpty()) {
            throw ApiError.missingField("upstream");
        }
        return ApiResponse.json(201, ApiJson.write(ApiJson.proxy(registry.create(spec).view())));
    }

    private ApiResponse populate(String body) {
        List<ProxyRegistry.ProxySpec> specs = new ArrayList<>();
        try {
            Optional<JsonNode> input = ApiJson.parse(body);
            if (input.isPresent() && !input.get().isArray()) {
                throw ApiError.badRequestBody("json: cannot unmarshal object into Go value of type []struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }");
            }
            if (input.isPresent()) {
                for (JsonNode item : input.get()) {
                    specs.add(spec(ApiJson.object(Optional.of(item), "toxiproxy.Proxy")));
                }
            }
        } catch (ApiError e) {
            return populated(e, List.of());
        }
        try {
            return populated(null, registry.populate(specs));
        } catch (ProxyRegistry.PopulateFailure failure) {
            return populated(failure.error, failure.applied);
        }
    }

    private static ApiResponse populated(ApiError error, List<Proxy> proxies) {
        ObjectNode node = ApiJson.MAPPER.createObjectNode();
        if (error != null) {
            node.put("error", error.getMessage());
            node.put("status", error.status());
        }
        ArrayNode list = node.putArray("proxies");
        proxies.forEach(proxy -> list.add(ApiJson.proxy(proxy.view())));
        return ApiResponse.json(error == null ? 201 : error.status(), ApiJson.write(node));
    }

    private ApiResponse proxyUpdate(String name, String body) throws ApiError {
        Proxy proxy = registry.get(name);
        ProxyView current = proxy.view();
        JsonNode input = ApiJson.object(ApiJson.parse(body), "toxiproxy.Proxy");
        proxy.update(ApiJson.string(input, "listen").orElse(current.listen()),
                ApiJson.string(input, "upstream").orElse(current.upstream()),
                ApiJson.bool(input, "enabled").orElse(current.enabled()));
        return ok(ApiJson.proxy(proxy.view()));
    }

    private ApiResponse proxyDelete(String name) throws ApiError {
        registry.delete(name);
        return ApiResponse.noContent();
    }

    private ApiResponse toxicIndex(String proxy) throws ApiError {
        ArrayNode list = ApiJson.MAPPER.createArrayNode();
        registry.get(proxy).view().toxics().forEach(toxic -> list.add(ApiJson.toxic(toxic)));
        return ok(list);
    }

    private ApiResponse toxicCreate(String proxyName, String body) throws ApiError {
        Proxy proxy = registry.get(proxyName);
        JsonNode input = ApiJson.object(ApiJson.parse(body), "toxics.ToxicWrapper");
        String streamName = ApiJson.string(input, "stream").orElse("downstream");
        String type = ApiJson.string(input, "type").orElse("");
        float toxicity = ApiJson.float32(input, "toxicity").orElse(1.0f);
        Stream stream = Stream.parse(streamName).orElseThrow(ApiError::invalidStream);
        String name = ApiJson.string(input, "name").filter(given -> !given.isEmpty())
                .orElse(type + "_" + stream.wireName());
        ToxicKind kind = ToxicKind.byWireName(type).orElseThrow(ApiError::invalidToxicType);
        if (proxy.toxic(name).isPresent()) {
            throw ApiError.toxicAlreadyExists();
        }
        Toxic toxic = new Toxic(name, kind, stream, toxicity, ApiJson.attributes(input, kind.attributes()));
        proxy.addToxic(toxic);
        return ok(ApiJson.toxic(toxic));
    }

    private ApiResponse toxicShow(String proxy, String toxic) throws ApiError {
        return ok(ApiJson.toxic(registry.get(proxy).toxic(toxic).orElseThrow(ApiError::toxicNotFound)));
    }

    private ApiResponse toxicUpdate(String proxyName, String toxicName, String body) throws ApiError {
        Proxy proxy = registry.get(proxyName);
        Toxic current = proxy.toxic(toxicName).orElseThrow(ApiError::toxicNotFound);
        JsonNode input = ApiJson.object(ApiJson.parse(body), "toxics.ToxicWrapper");
        Map<String, Long> attributes = ApiJson.attributes(input, current.kind().attributes());
        float toxicity = ApiJson.float32(input, "toxicity").orElse(current.toxicity());
        return ok(ApiJson.toxic(proxy.updateToxic(toxicName, attributes, toxicity)));
    }

    private ApiResponse toxicDelete(String proxy, String toxic) throws ApiError {
        registry.get(proxy).removeToxic(toxic);
        return ApiResponse.noContent();
    }

    private static ProxyRegistry.ProxySpec spec(JsonNode input) throws ApiError {
        return new ProxyRegistry.ProxySpec(
                ApiJson.string(input, "name").orElse(""),
                ApiJson.string(input, "listen").orElse(""),
                ApiJson.string(input, "upstream").orElse(""),
                ApiJson.bool(input, "enabled").orElse(true));
    }

    private static ApiResponse ok(JsonNode node) {
        return ApiResponse.json(200, ApiJson.write(node));
    }

    /** gorilla/mux's answer when the path exists but not for this method: 405, no body. */
    private static ApiResponse notAllowed() {
        return new ApiResponse(405, null, "");
    }
}
