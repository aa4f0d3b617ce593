package vn.motcua.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen client address (127.0.0.2, 127.0.0.3, …), so the server sees several
 * clients: java.net.http.HttpClient cannot bind a local address on Java 17.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String clientAddress;
    private final int port;

    RawHttp(String clientAddress, int port) {
        this.clientAddress = clientAddress;
        this.port = port;
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null, null);
    }

    Response send(String method, String path, Map<String, String> headers, String contentType, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Accept: application/json, application/problem+json\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP from " + clientAddress + " failed", e);
        }
    }

    /** Headers by lower-case name (the last value, or all Set-Cookie values joined by "; "). */
    record Response(int status, Map<String, String> headers, String text) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + text, e);
            }
        }

        static Response parse(byte[] raw) throws IOException {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (end < 0) throw new IOException("No HTTP response head in " + raw.length + " bytes");
            List<String> lines = List.of(new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n"));
            int status = Integer.parseInt(lines.get(0).split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> name.equals("set-cookie") ? a + "; " + b : b);
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(new java.io.ByteArrayInputStream(body));
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int c = in.read(); c != '\n'; c = in.read()) {
                    if (c < 0) return out.toByteArray();
                    if (c != '\r') size.append((char) c);
                }
                int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (length == 0) return out.toByteArray();
                out.write(in.readNBytes(length));
                in.readNBytes(2);
            }
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) continue outer;
                }
                return i;
            }
            return -1;
        }
    }
}
