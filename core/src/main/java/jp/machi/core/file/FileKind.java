package jp.machi.core.file;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a file is, as {@link ContentTypes} reads it from its bytes. The last four are never stored,
 * whatever a module accepts: a browser or the operating system could run them.
 */
public enum FileKind {
    PDF("application/pdf", "PDF"),
    PNG("image/png", "PNG"),
    JPEG("image/jpeg", "JPEG"),
    GIF("image/gif", "GIF"),
    WEBP("image/webp", "WebP"),
    TIFF("image/tiff", "TIFF"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint (.pptx)"),
    ZIP("application/zip", "ZIP"),
    TEXT("text/plain", "TXT"),
    CSV("text/csv", "CSV"),
    /** Programs: Windows PE, ELF, Mach-O, Java classes, scripts with {@code #!}, macro-enabled Office files. */
    EXECUTABLE("application/octet-stream", "EXE"),
    /** HTML, SVG, XML: markup a browser would render and whose scripts it would run. */
    MARKUP("application/octet-stream", "HTML/SVG/XML"),
    /** Bytes none of the above. */
    UNKNOWN("application/octet-stream", "?");

    /** Kinds no policy can accept. */
    public static final Set<FileKind> NEVER = EnumSet.of(EXECUTABLE, MARKUP, UNKNOWN);
    public static final Set<FileKind> IMAGES = EnumSet.of(PNG, JPEG, GIF, WEBP, TIFF);
    public static final Set<FileKind> OFFICE = EnumSet.of(DOCX, XLSX, PPTX);

    private final String mediaType;
    private final String label;

    FileKind(String mediaType, String label) {
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The name people know the format by, the same in Japanese and English (PDF, Word (.docx), …). */
    public String label() {
        return label;
    }

    /** The labels of these kinds, in declaration order, comma-separated. */
    public static String labels(Set<FileKind> kinds) {
        return kinds.stream().sorted().map(FileKind::label).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The media type a download carries (text kinds add their charset, see {@link Detected}). */
    public String mediaType() {
        return mediaType;
    }

    /** The file as read from its bytes: its kind and the exact media type to serve it with. */
    public record Detected(FileKind kind, String mediaType) {
    }
}
