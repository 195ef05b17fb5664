package dk.hotline.core.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listens to /api/advisor/events as a browser's EventSource would, collecting the data lines. */
public final class AdvisorEventStream implements AutoCloseable {

    private final List<String> data = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Void>> response;

    public AdvisorEventStream(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("data:")) {
                            data.add(line.substring(5).trim());
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        // the stream ends when the test closes it
                    }

                    @Override
                    public void onComplete() {
                        // idem
                    }
                }));
    }

    /** The JSON data of every event received so far. */
    public List<String> data() {
        return List.copyOf(data);
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
