package dev.twostep.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay on loopback that reaches Keycloak from another loopback address (127.0.0.2 say): the server
 * then sees a peer that is not in its {@code proxy-trusted-addresses}, as it would see a client that sends
 * forged forwarding headers straight to it. The JDK's HTTP client of this Java cannot choose its source
 * address; the relay does it for it.
 */
public final class SourceAddressRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final InetAddress source;
    private final int targetPort;

    public SourceAddressRelay(String sourceAddress, int targetPort) throws IOException {
        this.source = InetAddress.getByName(sourceAddress);
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "relay-from-" + sourceAddress);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Where the client connects instead of the server: http://127.0.0.1:port. */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.bind(new InetSocketAddress(source, 0));
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // Closed, or one connection failed: the client sees its request fail.
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread copy = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // The other side closed.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        });
        copy.setDaemon(true);
        copy.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
