package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * Responses travel compressed to a client that accepts gzip (issue 15): the console's and portal's
 * scripts and styles, the start page, JSON lists and problem documents, CSV exports. The decompressed
 * bytes equal what a client without gzip gets; a client that does not ask gets no Content-Encoding.
 */
@MachiTest
class CompressionIT {

    private final Api api;

    CompressionIT(Api api) {
        this.api = api;
    }

    @Test
    void scriptsAndStylesAreCompressedForBrowsers() {
        for (String path : new String[] {"/ui/core/console.js", "/ui/core/kit.js", "/ui/core/console.css"}) {
            sameBytesCompressed(path, null, 2.0);
        }
    }

    @Test
    void jsonListsCsvAndTheStartPageAreCompressed() {
        String code = Municipalities.register(api);
        for (int i = 0; i < 25; i++) {
            api.post(Municipalities.PATH + "/" + code + "/indicators")
                    .json("{\"nameJa\":\"圧縮の確認に使う指標その" + i + "\",\"kind\":\"OUTCOME\",\"unit\":\"件\","
                            + "\"direction\":\"HIGHER_IS_BETTER\",\"years\":[{\"fiscalYear\":2024,\"target\":" + i + "}]}")
                    .send().expect(201);
        }
        sameBytesCompressed(Municipalities.PATH + "/" + code + "/indicators?size=25", "application/json", 2.0);
        sameBytesCompressed(Municipalities.PATH + "/" + code + "/indicators?format=csv", "text/csv", 2.0);
        sameBytesCompressed("/", "text/html", 1.5);
    }

    @Test
    void aClientThatDoesNotAskGetsPlainBytes() {
        Reply plain = api.get("/ui/core/console.js").send().expect(200);
        assertTrue(plain.header("Content-Encoding").isEmpty(), "no Content-Encoding without Accept-Encoding");
        Reply identity = api.get("/ui/core/console.js").header("Accept-Encoding", "identity").send().expect(200);
        assertTrue(identity.header("Content-Encoding").isEmpty(), "identity asked: none");
        assertArrayEquals(plain.bytes(), identity.bytes());
    }

    /** The gzip response decompresses to the plain response's bytes and is at least {@code ratio} times smaller. */
    private void sameBytesCompressed(String path, String accept, double ratio) {
        Api.Call plainCall = api.get(path);
        Api.Call gzipCall = api.get(path).header("Accept-Encoding", "gzip, deflate, br");
        if (accept != null) {
            plainCall = plainCall.accept(accept);
            gzipCall = gzipCall.accept(accept);
        }
        Reply plain = plainCall.send().expect(200);
        Reply gzip = gzipCall.send().expect(200);
        assertEquals("gzip", gzip.header("Content-Encoding").orElse("(none)"), path + ": Content-Encoding");
        String vary = String.join(", ", gzip.headers("Vary"));
        assertTrue(vary.toLowerCase().contains("accept-encoding"),
                path + ": Vary names Accept-Encoding, so that caches keep both: " + vary);
        byte[] unpacked = gunzip(gzip.bytes());
        assertArrayEquals(plain.bytes(), unpacked, path + ": the same bytes once decompressed");
        assertTrue(gzip.bytes().length * ratio <= unpacked.length, path + ": " + gzip.bytes().length
                + " bytes compressed of " + unpacked.length + ", expected at least " + ratio + " times smaller");
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip: " + e.getMessage(), e);
        }
    }
}
