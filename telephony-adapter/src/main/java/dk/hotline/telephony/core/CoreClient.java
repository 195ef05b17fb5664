package dk.hotline.telephony.core;

import dk.hotline.telephony.config.HotlineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads from hotline-core ({@code GET {core}{path}}) with the adapter's own bearer token ({@link CoreToken}).
 * Blocking: callers run it on a worker or the AMI supervisor thread, never on the call path.
 */
@ApplicationScoped
public class CoreClient {

    private final HotlineConfig.Core core;
    private final CoreToken token;
    private final HttpClient http;

    public CoreClient(HotlineConfig config, CoreToken token) {
        this.core = config.core();
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(core.timeout()).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(core.url() + path))
                .timeout(core.timeout()).header("Accept", "application/json").GET();
        token.get().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            token.forget();
        }
        return response;
    }
}
