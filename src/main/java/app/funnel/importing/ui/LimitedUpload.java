package app.funnel.importing.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import's upload, limited on the server: the bytes are counted while they arrive and the
 * upload is refused (its partial file deleted) past the limit, whatever the browser claims; a
 * broken-off upload leaves no file behind; one user has at most one upload in flight. The page's
 * own size check is only a courtesy.
 */
final class LimitedUpload implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(LimitedUpload.class);

    /** Who is uploading now, across all their tabs and sessions. */
    private static final Set<String> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private final long maxBytes;
    private final String user;
    private final Function<String, String> texts;
    private final BiConsumer<String, File> received;

    /**
     * @param texts    translates a key (with the limit in MB as its argument) into the user's language
     * @param received called in the UI with the file name and the complete temporary file
     */
    LimitedUpload(long maxBytes, String user, Function<String, String> texts, BiConsumer<String, File> received) {
        this.maxBytes = maxBytes;
        this.user = user;
        this.texts = texts;
        this.received = received;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        if (event.getFileSize() > maxBytes) {
            event.reject(texts.apply("import.error.too-large"));
            return;
        }
        if (!IN_FLIGHT.add(user)) {
            event.reject(texts.apply("import.error.upload-in-flight"));
            return;
        }
        Path file = Files.createTempFile("funnel-import-", ".csv");
        boolean complete = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    log.info("Upload by {} refused past {} bytes", user, maxBytes);
                    event.reject(texts.apply("import.error.too-large"));
                    return;
                }
                out.write(buffer, 0, n);
            }
            complete = true;
        } catch (IOException brokenOff) {
            log.info("Upload by {} broke off: {}", user, brokenOff.getMessage());
            throw brokenOff;
        } finally {
            IN_FLIGHT.remove(user);
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        String name = event.getFileName();
        event.getUI().access(() -> received.accept(name, file.toFile()));
    }

    /** For tests: whether the user has an upload in flight. */
    static boolean inFlight(String user) {
        return IN_FLIGHT.contains(user);
    }
}
