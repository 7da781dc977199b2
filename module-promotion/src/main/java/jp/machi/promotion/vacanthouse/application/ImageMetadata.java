package jp.machi.promotion.vacanthouse.application;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Takes the metadata out of a photo before it is stored, so that nothing a camera or phone wrote —
 * GPS position, the owner's or photographer's name, the camera's serial number, the day and time, a
 * thumbnail of the uncropped picture — reaches the portal. The pixels are not touched (no re-encoding):
 *
 * <ul>
 * <li>JPEG: every APPn segment but JFIF (APP0), an ICC colour profile (APP2 {@code ICC_PROFILE}) and
 * Adobe's colour transform (APP14) is dropped — so EXIF, XMP, IPTC/Photoshop, MPF (a second,
 * untouched picture) — and every comment (COM); nothing after the end of the image is kept.</li>
 * <li>PNG: the text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}), {@code eXIf} and {@code tIME} are
 * dropped, nothing after {@code IEND} is kept.</li>
 * <li>WebP: the {@code EXIF} and {@code XMP } chunks are dropped and their flags in {@code VP8X} cleared.</li>
 * </ul>
 *
 * A side effect: a JPEG's EXIF orientation goes with the rest, so a photo taken on its side is shown
 * as stored. Bytes that are not of these three kinds are returned as they are (the file service
 * refuses them); a JPEG, PNG or WebP whose structure is broken is refused ({@link IllegalArgumentException}).
 */
public final class ImageMetadata {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");

    private ImageMetadata() {
    }

    /** The image without its metadata (or the bytes unchanged when they are no JPEG, PNG or WebP). */
    public static byte[] strip(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return jpeg(b);
        }
        if (startsWith(b, PNG_SIGNATURE)) {
            return png(b);
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return webp(b);
        }
        return b;
    }

    private static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xff);
        out.write(0xd8);
        int i = 2;
        boolean inScan = false;
        while (i < b.length) {
            if (inScan) {
                // Entropy-coded data: copy up to the next marker (FF00 is a stuffed FF, FFD0–D7 restarts, FFFF fill).
                int start = i;
                while (i < b.length) {
                    if ((b[i] & 0xff) == 0xff && i + 1 < b.length) {
                        int n = b[i + 1] & 0xff;
                        if (n != 0x00 && n != 0xff && (n < 0xd0 || n > 0xd7)) {
                            break;
                        }
                    }
                    i++;
                }
                out.write(b, start, i - start);
                if (i >= b.length) {
                    throw new IllegalArgumentException("JPEG without its end");
                }
                inScan = false;
            }
            if ((b[i] & 0xff) != 0xff) {
                throw new IllegalArgumentException("JPEG: no marker at " + i);
            }
            int marker = i + 1 < b.length ? b[i + 1] & 0xff : -1;
            if (marker == 0xff) {
                i++;
                continue;
            }
            if (marker == 0xd9) {
                out.write(0xff);
                out.write(0xd9);
                return out.toByteArray();
            }
            if (marker < 0 || marker == 0x00 || marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
                throw new IllegalArgumentException("JPEG: unexpected marker at " + i);
            }
            if (i + 3 >= b.length) {
                throw new IllegalArgumentException("JPEG: truncated segment");
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            int end = i + 2 + len;
            if (len < 2 || end > b.length) {
                throw new IllegalArgumentException("JPEG: segment beyond the file");
            }
            if (keepJpegSegment(b, marker, i + 4, len - 2)) {
                out.write(b, i, end - i);
            }
            inScan = marker == 0xda;
            i = end;
        }
        throw new IllegalArgumentException("JPEG without its end");
    }

    private static boolean keepJpegSegment(byte[] b, int marker, int data, int length) {
        if (marker == 0xfe) {
            return false;
        }
        if (marker >= 0xe0 && marker <= 0xef) {
            if (marker == 0xe0) {
                return length >= 5 && ascii(b, data, 5).equals("JFIF\0");
            }
            if (marker == 0xe2) {
                return length >= 12 && ascii(b, data, 12).equals("ICC_PROFILE\0");
            }
            return marker == 0xee && length >= 5 && ascii(b, data, 5).equals("Adobe");
        }
        return true;
    }

    private static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (i + 8 <= b.length) {
            long len = ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            String type = ascii(b, i + 4, 4);
            long end = i + 12 + len;
            if (end > b.length) {
                throw new IllegalArgumentException("PNG: chunk beyond the file");
            }
            if (!PNG_DROPPED.contains(type)) {
                out.write(b, i, (int) (end - i));
            }
            i = (int) end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("PNG without IEND");
    }

    private static byte[] webp(byte[] b) {
        long riff = le32(b, 4) + 8;
        if (riff > b.length || riff < 12) {
            throw new IllegalArgumentException("WebP: RIFF size beyond the file");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(b.length);
        int i = 12;
        while (i + 8 <= riff) {
            String type = ascii(b, i, 4);
            long len = le32(b, i + 4);
            long end = i + 8 + len + (len & 1);
            if (i + 8 + len > riff) {
                throw new IllegalArgumentException("WebP: chunk beyond the file");
            }
            end = Math.min(end, riff);
            if (!WEBP_DROPPED.contains(type)) {
                byte[] chunk = java.util.Arrays.copyOfRange(b, i, (int) end);
                if (type.equals("VP8X") && chunk.length > 8) {
                    chunk[8] = (byte) (chunk[8] & ~0x0c);  // no EXIF (0x08), no XMP (0x04)
                }
                body.write(chunk, 0, chunk.length);
            }
            i = (int) end;
        }
        byte[] chunks = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.length + 12);
        out.write('R');
        out.write('I');
        out.write('F');
        out.write('F');
        long size = chunks.length + 4L;
        out.write((int) (size & 0xff));
        out.write((int) ((size >> 8) & 0xff));
        out.write((int) ((size >> 16) & 0xff));
        out.write((int) ((size >> 24) & 0xff));
        out.write('W');
        out.write('E');
        out.write('B');
        out.write('P');
        out.write(chunks, 0, chunks.length);
        return out.toByteArray();
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xffL) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16) | ((b[i + 3] & 0xffL) << 24);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int from, int length) {
        if (from + length > b.length) {
            return "";
        }
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
