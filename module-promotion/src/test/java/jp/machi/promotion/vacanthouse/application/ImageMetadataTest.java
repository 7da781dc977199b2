package jp.machi.promotion.vacanthouse.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

    static final String SECRET = "Owner Yamada Taro GPS 36.65N 138.31E";

    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 6; y++) {
                img.setRGB(x, y, (x * 30) << 16 | (y * 40) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF segment (APP1) and a comment right after SOI, and bytes after its end. */
    static byte[] jpegWithExif() throws IOException {
        byte[] plain = image("jpeg");
        byte[] exif = ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        byte[] com = ("comment " + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xe1, exif);
        segment(out, 0xfe, com);
        out.write(plain, 2, plain.length - 2);
        out.write(("trailing " + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xff);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xff);
        out.write(data, 0, data.length);
    }

    /** A PNG with a tEXt chunk after IHDR. */
    static byte[] pngWithText() throws IOException {
        byte[] plain = image("png");
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterIhdr);
        chunk(out, "tEXt", ("Author\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, afterIhdr, plain.length - afterIhdr);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        int n = data.length;
        out.write(n >> 24);
        out.write(n >> 16);
        out.write(n >> 8);
        out.write(n);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.write(t, 0, 4);
        out.write(data, 0, n);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >> 24));
        out.write((int) (c >> 16));
        out.write((int) (c >> 8));
        out.write((int) c);
    }

    /** A WebP of chunks: VP8X saying EXIF and XMP, a (token) VP8L, EXIF and XMP. */
    static byte[] webpWithExif() {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        riffChunk(chunks, "VP8X", new byte[] {0x0c, 0, 0, 0, 7, 0, 0, 5, 0, 0});
        riffChunk(chunks, "VP8L", new byte[] {0x2f, 7, 0x40, 1, 0});
        riffChunk(chunks, "EXIF", ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        riffChunk(chunks, "XMP ", ("<x>" + SECRET + "</x>").getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        int size = body.length + 4;
        out.write(size);
        out.write(size >> 8);
        out.write(size >> 16);
        out.write(size >> 24);
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        int n = data.length;
        out.write(n);
        out.write(n >> 8);
        out.write(n >> 16);
        out.write(n >> 24);
        out.writeBytes(data);
        if ((n & 1) == 1) {
            out.write(0);
        }
    }

    static boolean contains(byte[] b, String s) {
        return new String(b, StandardCharsets.ISO_8859_1).contains(s);
    }

    @Test
    void aJpegLosesExifCommentsAndWhatFollowsItsEndButStaysTheSamePicture() throws IOException {
        byte[] dirty = jpegWithExif();
        assertTrue(contains(dirty, SECRET));
        byte[] clean = ImageMetadata.strip(dirty);
        assertFalse(contains(clean, SECRET));
        assertFalse(contains(clean, "Exif"));
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(image("jpeg")));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(clean));
        assertNotNull(b);
        assertEquals(a.getRGB(3, 3), b.getRGB(3, 3));
        assertArrayEquals(image("jpeg"), clean, "what ImageIO wrote (JFIF only) comes back byte for byte");
    }

    @Test
    void aPngLosesItsTextChunks() throws IOException {
        byte[] clean = ImageMetadata.strip(pngWithText());
        assertFalse(contains(clean, SECRET));
        assertArrayEquals(image("png"), clean);
    }

    @Test
    void aWebpLosesExifAndXmpAndTheirFlags() {
        byte[] clean = ImageMetadata.strip(webpWithExif());
        assertFalse(contains(clean, SECRET));
        assertTrue(contains(clean, "VP8X") && contains(clean, "VP8L"));
        assertEquals(0, clean[20] & 0x0c, "VP8X no longer announces EXIF or XMP");
        long size = (clean[4] & 0xff) | (clean[5] & 0xff) << 8 | (clean[6] & 0xff) << 16 | (clean[7] & 0xff) << 24;
        assertEquals(clean.length - 8, size);
    }

    @Test
    void otherBytesStayAsTheyAreAndABrokenImageIsRefused() throws IOException {
        byte[] pdf = "%PDF-1.4 x".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(pdf, ImageMetadata.strip(pdf));
        byte[] jpeg = image("jpeg");
        assertThrows(IllegalArgumentException.class, () -> ImageMetadata.strip(Arrays.copyOf(jpeg, jpeg.length / 2)));
        byte[] png = image("png");
        assertThrows(IllegalArgumentException.class, () -> ImageMetadata.strip(Arrays.copyOf(png, png.length - 20)));
    }
}
