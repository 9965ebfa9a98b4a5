package io.planscore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Many SSE subscribers on one thread: raw HTTP/1.1 over non-blocking sockets and one selector, so that 10,000 of them
 * cost the harness little and none waits for a thread. Each subscriber sends one {@code GET}, reads the status, then
 * counts the {@code score-updated} and {@code resync} events of the (chunked) stream and the bytes they carry, without
 * parsing their data. A refusal (any status but 200, or a connection closed or failed before one) is kept as it was
 * seen. Connections are opened at most {@code maxPending} at a time (connected and waiting for their status), as a
 * crowd of browsers would arrive, not as one SYN flood against the accept queue.
 */
final class SseCrowd implements AutoCloseable {

    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCORE_UPDATED = "score-updated".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESYNC = "resync".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final String apiKey;
    private final String lastEventId;
    private final int maxPending;
    private final Selector selector;
    private final Thread loop;
    private final List<Subscriber> all = new ArrayList<>();
    private final Queue<Subscriber> waiting = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final AtomicInteger openedCount = new AtomicInteger();
    private final AtomicInteger refusedCount = new AtomicInteger();
    private final AtomicInteger droppedCount = new AtomicInteger();
    private final AtomicInteger resyncCount = new AtomicInteger();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastByteNanos = new AtomicLong();
    private final Map<String, Integer> refusals = new TreeMap<>();
    private volatile long round;
    private volatile boolean closed;
    private int pending;

    /** {@code lastEventId} null: each stream starts with the current scorecards. */
    SseCrowd(URI gateway, String apiKey, String lastEventId, int maxPending) throws IOException {
        this.address = new InetSocketAddress(gateway.getHost(), gateway.getPort());
        this.apiKey = apiKey;
        this.lastEventId = lastEventId;
        this.maxPending = maxPending;
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "bench-sse-crowd");
        loop.setDaemon(true);
        loop.start();
    }

    /** Opens one subscriber per path (e.g. {@code /api/v1/scores/stream?planId=…}); returns at once. */
    void open(List<String> paths) {
        synchronized (waiting) {
            for (String path : paths) {
                Subscriber subscriber = new Subscriber(path);
                all.add(subscriber);
                waiting.add(subscriber);
            }
        }
        selector.wakeup();
    }

    int size() {
        synchronized (waiting) {
            return all.size();
        }
    }

    int opened() {
        return openedCount.get();
    }

    int refused() {
        return refusedCount.get();
    }

    /** Subscribers whose stream the gateway ended after it had opened (a resync, or closed). */
    int dropped() {
        return droppedCount.get();
    }

    int resyncs() {
        return resyncCount.get();
    }

    long updates() {
        return updates.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Each refusal as seen (status line and the start of the body, or the failure), with how often. */
    String refusals() {
        synchronized (refusals) {
            return refusals.toString();
        }
    }

    /** Waits until every subscriber has its answer (200 or a refusal); false on timeout. */
    boolean awaitAnswered(Duration timeout) throws InterruptedException {
        return await(timeout, () -> openedCount.get() + refusedCount.get() >= size());
    }

    /** Waits until every open subscriber has received at least one {@code score-updated}; false on timeout. */
    boolean awaitFirstUpdate(Duration timeout) throws InterruptedException {
        return await(timeout, () -> subscribers().stream().allMatch(s -> s.firstUpdate != 0 || !s.live()));
    }

    /** Waits until no byte has arrived for {@code quiet}; false if the streams still talk at {@code timeout}. */
    boolean awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
        return await(timeout, () -> System.nanoTime() - lastByteNanos.get() > quiet.toNanos());
    }

    /** Open time of each subscriber that opened: connect → status 200. */
    Samples openTimes() {
        Samples samples = new Samples();
        subscribers().stream().filter(s -> s.opened != 0).forEach(s -> samples.add(s.opened - s.connectStarted));
        return samples;
    }

    /** When the last subscriber got its first {@code score-updated} (System.nanoTime()), 0 if none did. */
    long lastFirstUpdate() {
        return subscribers().stream().mapToLong(s -> s.firstUpdate).max().orElse(0);
    }

    /**
     * From now on each subscriber notes when its next {@code score-updated} arrives; {@link #arrivals} collects them.
     * Call it only when the streams are quiet, so that the next update is the one about to be caused.
     */
    void arm() {
        round++;
    }

    /**
     * Waits until every live subscriber has had an update since {@link #arm()} (or the timeout); returns each
     * arrival's delay after {@code sentNanos}. Subscribers without one are {@code expected - samples.size()}.
     */
    Samples arrivals(long sentNanos, Duration timeout) throws InterruptedException {
        long current = round;
        await(timeout, () -> subscribers().stream().allMatch(s -> s.armedRound == current || !s.live()));
        Samples samples = new Samples();
        subscribers().stream().filter(s -> s.armedRound == current).forEach(s -> samples.add(s.armedArrival - sentNanos));
        return samples;
    }

    int live() {
        return (int) subscribers().stream().filter(Subscriber::live).count();
    }

    private List<Subscriber> subscribers() {
        synchronized (waiting) {
            return new ArrayList<>(all);
        }
    }

    private static boolean await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    // ---- the selector thread ----------------------------------------------------------------------------------

    private void run() {
        while (!closed) {
            try {
                connectWaiting();
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Subscriber subscriber = (Subscriber) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            subscriber.channel.finishConnect();
                            subscriber.sendRequest();
                        } else if (key.isReadable()) {
                            subscriber.read();
                        }
                    } catch (IOException | RuntimeException e) {
                        subscriber.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    System.out.println("  SSE crowd: " + e);
                }
            }
        }
    }

    private void connectWaiting() {
        while (pending < maxPending) {
            Subscriber next;
            synchronized (waiting) {
                next = waiting.poll();
            }
            if (next == null) {
                return;
            }
            pending++;
            try {
                next.connect();
            } catch (IOException | RuntimeException e) {
                next.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Subscriber subscriber : subscribers()) {
            subscriber.closeChannel();
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing
        }
    }

    private enum Part { HEADERS, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY }

    /** One stream; touched by the selector thread only, except the volatile fields others read. */
    private final class Subscriber {

        final String path;
        SocketChannel channel;
        volatile long connectStarted;
        volatile long opened;
        volatile long firstUpdate;
        volatile long armedRound;
        volatile long armedArrival;
        volatile boolean ended;
        private Part part = Part.HEADERS;
        private final StringBuilder head = new StringBuilder();
        private long chunkLeft;
        private long chunkSize;
        private boolean inChunkExtension;
        private final byte[] line = new byte[32];
        private int lineLength;
        private byte[] eventName;

        Subscriber(String path) {
            this.path = path;
        }

        boolean live() {
            return opened != 0 && !ended;
        }

        void connect() throws IOException {
            connectStarted = System.nanoTime();
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(address)) {
                sendRequest();
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        void sendRequest() throws IOException {
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                    + "\r\nX-API-Key: " + apiKey + "\r\nAccept: text/event-stream\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            channel.write(out);
            if (out.hasRemaining()) {
                throw new IOException("the request did not fit the socket's send buffer");
            }
            channel.register(selector, SelectionKey.OP_READ, this);
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                if (opened == 0) {
                    fail("closed by the gateway before an answer" + (head.isEmpty() ? "" : ": " + excerpt()));
                } else {
                    end();
                }
                return;
            }
            lastByteNanos.set(System.nanoTime());
            bytes.addAndGet(n);
            byte[] data = readBuffer.array();
            for (int i = 0; i < n && channel.isOpen(); ) {
                i = consume(data, i, n);
            }
        }

        /** Consumes bytes from {@code i} (up to {@code n}) in the current part; returns where it stopped. */
        private int consume(byte[] data, int i, int n) {
            switch (part) {
                case HEADERS -> {
                    head.append((char) data[i]);
                    if (endsWithBlankLine(head)) {
                        headersRead(data, i + 1, n);
                    } else if (head.length() > 16_384) {
                        fail("headers over 16 KB");
                    }
                    return i + 1;
                }
                case CHUNK_SIZE -> {
                    byte b = data[i];
                    if (b == '\n') {
                        if (chunkSize == 0) {
                            end(); // the last chunk: the gateway ended the stream
                            return n;
                        }
                        chunkLeft = chunkSize;
                        part = Part.CHUNK_DATA;
                    } else if (b == ';') {
                        inChunkExtension = true;
                    } else if (!inChunkExtension && Character.digit(b, 16) >= 0) {
                        chunkSize = chunkSize * 16 + Character.digit(b, 16);
                    }
                    return i + 1;
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(chunkLeft, n - i);
                    for (int k = i; k < i + take; k++) {
                        sse(data[k]);
                    }
                    chunkLeft -= take;
                    if (chunkLeft == 0) {
                        part = Part.CHUNK_END;
                    }
                    return i + take;
                }
                case CHUNK_END -> {
                    if (data[i] == '\n') {
                        chunkSize = 0;
                        inChunkExtension = false;
                        part = Part.CHUNK_SIZE;
                    }
                    return i + 1;
                }
                default -> {
                    sse(data[i]);
                    return i + 1;
                }
            }
        }

        private void headersRead(byte[] data, int from, int n) {
            String status = head.substring(0, Math.max(0, head.indexOf("\r\n")));
            if (!status.startsWith("HTTP/1.1 200")) {
                // keep what came of the body with the status: that is what a refused client sees
                head.append(new String(data, from, Math.min(n - from, 600), StandardCharsets.UTF_8));
                fail(excerpt());
                return;
            }
            part = head.toString().toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                    ? Part.CHUNK_SIZE : Part.BODY;
            opened = System.nanoTime();
            openedCount.incrementAndGet();
            pending--;
        }

        /** One byte of the event stream: lines, and an event dispatched at the blank line that ends it. */
        private void sse(byte b) {
            if (b != '\n') {
                if (lineLength < line.length) {
                    line[lineLength] = b;
                }
                lineLength++;
                return;
            }
            int length = Math.min(lineLength, line.length);
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (length == 0) {
                dispatch();
            } else if (startsWith(line, length, EVENT)) {
                int from = EVENT.length;
                while (from < length && line[from] == ' ') {
                    from++;
                }
                eventName = Arrays.copyOfRange(line, from, length);
            }
            lineLength = 0;
        }

        private void dispatch() {
            if (eventName == null) {
                return;
            }
            if (Arrays.equals(eventName, SCORE_UPDATED)) {
                long now = System.nanoTime();
                updates.incrementAndGet();
                if (firstUpdate == 0) {
                    firstUpdate = now;
                }
                long current = round;
                if (armedRound != current) {
                    armedArrival = now;
                    armedRound = current;
                }
            } else if (Arrays.equals(eventName, RESYNC)) {
                resyncCount.incrementAndGet();
            }
            eventName = null;
        }

        private static boolean endsWithBlankLine(StringBuilder text) {
            int l = text.length();
            return l >= 4 && text.charAt(l - 1) == '\n' && text.charAt(l - 2) == '\r' && text.charAt(l - 3) == '\n'
                    && text.charAt(l - 4) == '\r';
        }

        private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int k = 0; k < prefix.length; k++) {
                if (bytes[k] != prefix[k]) {
                    return false;
                }
            }
            return true;
        }

        private String excerpt() {
            String text = head.toString().replace("\r\n", " ¶ ");
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }

        private void end() {
            if (!ended) {
                ended = true;
                droppedCount.incrementAndGet();
            }
            closeChannel();
        }

        void fail(String why) {
            if (opened != 0) {
                end();
                return;
            }
            if (!ended) {
                ended = true;
                pending--;
                refusedCount.incrementAndGet();
                synchronized (refusals) {
                    refusals.merge(why, 1, Integer::sum);
                }
            }
            closeChannel();
        }

        void closeChannel() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing
            }
        }
    }
}
