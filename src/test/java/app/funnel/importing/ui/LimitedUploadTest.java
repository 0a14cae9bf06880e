package app.funnel.importing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LimitedUploadTest {

    private static final long MAX = 1024 * 1024;

    private final List<File> received = new ArrayList<>();

    private LimitedUpload upload(String user) {
        return new LimitedUpload(MAX, user, key -> key, (name, file) -> received.add(file));
    }

    @Test
    void an_upload_past_the_limit_is_refused_while_it_arrives_whatever_size_the_browser_claimed() throws Exception {
        long before = partialFiles();
        UploadEvent event = event(0, new EndlessStream());
        upload("ana").handleUploadRequest(event);
        verify(event).reject("import.error.too-large");
        assertThat(received).isEmpty();
        assertThat(partialFiles()).as("the partial file is deleted").isEqualTo(before);
        assertThat(LimitedUpload.inFlight("ana")).isFalse();
    }

    @Test
    void a_claimed_size_past_the_limit_is_refused_before_reading() throws Exception {
        UploadEvent event = event(MAX + 1, new EndlessStream());
        upload("bia").handleUploadRequest(event);
        verify(event).reject("import.error.too-large");
        verify(event, never()).getInputStream();
    }

    @Test
    void a_broken_off_upload_leaves_no_file_behind() throws Exception {
        long before = partialFiles();
        InputStream broken = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> upload("caio").handleUploadRequest(event(0, broken))).isInstanceOf(IOException.class);
        assertThat(partialFiles()).isEqualTo(before);
        assertThat(LimitedUpload.inFlight("caio")).isFalse();
    }

    @Test
    void one_user_has_one_upload_in_flight_at_most_and_a_complete_one_reaches_the_view() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent == 10) {
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return sent++ < 20 ? 'a' : -1;
            }
        };
        Thread first = new Thread(() -> {
            try {
                upload("dora").handleUploadRequest(event(20, slow));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        first.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        UploadEvent second = event(5, new ByteArrayInputStream("b,c\n".getBytes()));
        upload("dora").handleUploadRequest(second);
        verify(second).reject("import.error.upload-in-flight");
        UploadEvent someoneElse = event(4, new ByteArrayInputStream("b,c\n".getBytes()));
        upload("eva").handleUploadRequest(someoneElse);
        verify(someoneElse, never()).reject(any());
        release.countDown();
        first.join(10_000);
        assertThat(received).hasSize(2);
        assertThat(received).anySatisfy(file -> assertThat(file).hasContent("a".repeat(20)));
        received.forEach(File::delete);
    }

    private static UploadEvent event(long claimedSize, InputStream body) {
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileSize()).thenReturn(claimedSize);
        when(event.getInputStream()).thenReturn(body);
        when(event.getFileName()).thenReturn("leads.csv");
        UI ui = mock(UI.class);
        when(ui.access(any())).thenAnswer(call -> {
            ((Command) call.getArgument(0)).execute();
            return null;
        });
        when(event.getUI()).thenReturn(ui);
        return event;
    }

    private static long partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("funnel-import-")).count();
        }
    }

    /** As many bytes as anyone reads. */
    private static final class EndlessStream extends InputStream {

        @Override
        public int read() {
            return 'z';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'z');
            return len;
        }
    }
}
