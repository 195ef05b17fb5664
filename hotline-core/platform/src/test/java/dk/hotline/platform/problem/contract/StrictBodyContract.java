package dk.hotline.platform.problem.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks a running service's own OpenAPI document ({@code /q/openapi}) and sends every
 * operation that takes a JSON body the inputs a strict API must refuse: malformed JSON,
 * an unknown field, a value of the wrong JSON type, a body that is not JSON (415) and a
 * body over the size limit (413). Each must be a 4xx {@code application/problem+json}
 * that names the field (the line and column for a syntax error). The list of endpoints
 * is the document's, never one kept by hand: a new endpoint is covered when it appears.
 *
 * <p>Shared by the services' tests through the platform's test jar; the caller has
 * already signed in (e.g. {@code @TestSecurity} with every role of the service).
 */
public final class StrictBodyContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    static final String UNKNOWN_FIELD = "zzNotAField";

    private final JsonNode document;
    private final long maxBodyBytes;
    private final Map<String, String> pathValues;
    private final List<String> failures = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    private StrictBodyContract(JsonNode document, long maxBodyBytes, Map<String, String> pathValues) {
        this.document = document;
        this.maxBodyBytes = maxBodyBytes;
        this.pathValues = pathValues;
    }

    /**
     * @param maxBodyBytes the service's {@code quarkus.http.limits.max-body-size}
     * @param pathValues   a value for a path parameter by name where a random UUID or "1" would not reach the body
     */
    public static StrictBodyContract walk(long maxBodyBytes, Map<String, String> pathValues) throws Exception {
        String text = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        StrictBodyContract contract = new StrictBodyContract(JSON.readTree(text), maxBodyBytes, pathValues);
        contract.run();
        return contract;
    }

    /** "PUT /api/x" for every operation with a JSON body that was checked. */
    public List<String> checkedOperations() {
        return checked;
    }

    /** What did not hold, one line per operation and input. */
    public List<String> failures() {
        return failures;
    }

    private void run() {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json");
                if (body.isMissingNode()) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                String url = fill(path.getKey(), path.getValue(), operation.getValue());
                String name = method + " " + path.getKey();
                checked.add(name);
                check(name, method, url, body.path("schema"));
            }
        }
    }

    private void check(String name, String method, String url, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        boolean array = "array".equals(resolved.path("type").asText());
        JsonNode object = array ? resolve(resolved.path("items")) : resolved;
        String prefix = array ? "[0]." : "";

        expect(name, "malformed JSON", send(method, url, "application/json", "{\"a\": tru\n}"), 400, "body", "line");
        expect(name, "a body that is not JSON", send(method, url, "text/plain", "hello"), 415, null, null);
        expect(name, "a body over the limit", send(method, url, "application/json", "\"" + "x".repeat((int) maxBodyBytes + 1) + "\""),
                413, null, null);

        if (!"object".equals(object.path("type").asText()) && object.path("properties").isMissingNode()) {
            return;
        }
        boolean openEnded = object.path("additionalProperties").isObject()
                || object.path("additionalProperties").asBoolean(false);
        if (!openEnded) {
            ObjectNode unknown = JSON.createObjectNode().put(UNKNOWN_FIELD, 1);
            expect(name, "an unknown field", send(method, url, "application/json", wrap(unknown, array)), 400,
                    prefix + UNKNOWN_FIELD, "not a known field");
        }
        Iterator<Map.Entry<String, JsonNode>> properties = object.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode wrong = wrongValue(resolve(property.getValue()));
            if (wrong == null) {
                continue;
            }
            ObjectNode bad = JSON.createObjectNode().set(property.getKey(), wrong);
            expect(name, "a wrong type for " + property.getKey() + " (" + wrong + ")",
                    send(method, url, "application/json", wrap(bad, array)), 400, prefix + property.getKey(), null);
        }
    }

    /** A value no reading of the property's declared type accepts, not even by coercion. */
    private static JsonNode wrongValue(JsonNode schema) {
        String type = schema.path("type").asText("");
        if (type.isEmpty() && (schema.has("properties") || schema.has("allOf"))) {
            type = "object";
        }
        return switch (type) {
            case "string" -> schema.has("format") || schema.has("enum") ? JSON.getNodeFactory().booleanNode(true)
                    : JSON.getNodeFactory().numberNode(5);
            case "integer", "number" -> JSON.getNodeFactory().textNode("5");
            case "boolean" -> JSON.getNodeFactory().textNode("true");
            case "array" -> JSON.getNodeFactory().textNode("x");
            case "object" -> schema.path("additionalProperties").isMissingNode() || schema.has("properties")
                    ? JSON.getNodeFactory().numberNode(5) : null;
            default -> null;
        };
    }

    private static String wrap(ObjectNode node, boolean array) {
        return array ? JSON.createArrayNode().add(node).toString() : node.toString();
    }

    private Response send(String method, String url, String contentType, String body) {
        return RestAssured.given().contentType(contentType).accept("application/json, application/problem+json")
                .body(body).request(method, url);
    }

    private void expect(String operation, String input, Response response, int status, String field, String messagePart) {
        String what = operation + " with " + input + ": ";
        if (response.statusCode() != status) {
            failures.add(what + "status " + response.statusCode() + " (expected " + status + ") " + abbreviate(response.asString()));
            return;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith(PROBLEM)) {
            failures.add(what + "content type " + type + " (expected " + PROBLEM + ")");
            return;
        }
        if (field == null) {
            return;
        }
        List<Object> fields = response.jsonPath().getList("errors.field");
        if (fields == null || !fields.contains(field)) {
            failures.add(what + "errors name " + fields + " (expected " + field + ")");
            return;
        }
        if (messagePart != null) {
            String message = response.jsonPath().getString("errors[0].message");
            if (message == null || !message.contains(messagePart)) {
                failures.add(what + "message '" + message + "' does not say '" + messagePart + "'");
            }
        }
    }

    private String fill(String template, JsonNode pathItem, JsonNode operation) {
        String url = template;
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            String value = pathValues.getOrDefault(name,
                    "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                            : "integer".equals(schema.path("type").asText()) ? "1" : UUID.randomUUID().toString());
            url = url.replace("{" + name + "}", value);
        }
        return url;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
