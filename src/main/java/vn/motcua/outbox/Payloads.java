package vn.motcua.outbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a message's text is stored: as it is when short, deflated (zlib, RFC 1950) from {@link #DEFLATE_FROM} bytes
 * when that saves a fifth or more. The portal's record of a dossier, 1.4 KB of JSON kept 90 days after it was sent five
 * times per dossier, takes about half. Reading gives back exactly the text that was written.
 */
final class Payloads {

    static final int DEFLATE_FROM = 512;

    private Payloads() {
    }

    /** The payload's two columns: {@code [text, null]} or {@code [null, deflated bytes]}. */
    static Object[] store(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= DEFLATE_FROM) {
            byte[] deflated = deflate(bytes);
            if (deflated.length <= bytes.length * 4L / 5) {
                return new Object[] {null, deflated};
            }
        }
        return new Object[] {text, null};
    }

    static String read(String text, byte[] deflated) {
        if (text != null) {
            return text;
        }
        if (deflated == null) {
            throw new IllegalStateException("An outbox message with neither payload nor payload_deflated");
        }
        return new String(inflate(deflated), StandardCharsets.UTF_8);
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 16);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[2048];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("A deflated outbox payload is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("A deflated outbox payload cannot be read", e);
        } finally {
            inflater.end();
        }
    }
}
