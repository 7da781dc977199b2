package jp.machi.core.file;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a module accepts for one kind of record: the file kinds (programs, HTML, SVG and unknown bytes
 * never, whatever is listed), the largest size (never above the deployment's
 * {@code MACHI_FILES_MAX_BYTES}, 10 MiB by default), and whether the files are personal data (an
 * attachment of a resident's record).
 */
public record FilePolicy(Set<FileKind> accepted, long maxBytes, boolean personalData) {

    /** The deployment's largest file, {@code machi.files.max-bytes} ({@code MACHI_FILES_MAX_BYTES}). */
    public static final String MAX_BYTES_PROPERTY = "machi.files.max-bytes";
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /** Scanned letters, petitions, photos, drafts: PDF, images, Word/Excel/PowerPoint, text and CSV. */
    public static final Set<FileKind> DOCUMENTS_AND_IMAGES;

    static {
        EnumSet<FileKind> s = EnumSet.of(FileKind.PDF, FileKind.TEXT, FileKind.CSV);
        s.addAll(FileKind.IMAGES);
        s.addAll(FileKind.OFFICE);
        DOCUMENTS_AND_IMAGES = Collections.unmodifiableSet(s);
    }

    public FilePolicy {
        EnumSet<FileKind> a = accepted == null || accepted.isEmpty() ? EnumSet.noneOf(FileKind.class)
                : EnumSet.copyOf(accepted);
        a.removeAll(FileKind.NEVER);
        accepted = Collections.unmodifiableSet(a);
    }

    /** These kinds, up to the deployment's maximum, not personal data. */
    public static FilePolicy of(Set<FileKind> accepted) {
        return new FilePolicy(accepted, 0, false);
    }

    /** The same, for files of a resident's record. */
    public FilePolicy withPersonalData() {
        return new FilePolicy(accepted, maxBytes, true);
    }

    /** The same, at most this many bytes (the deployment's maximum still applies). */
    public FilePolicy withMaxBytes(long max) {
        return new FilePolicy(accepted, max, personalData);
    }

    /** The largest file this policy takes: its own maximum or the deployment's, whichever is smaller. */
    public long limit() {
        long deployment = deploymentMaxBytes();
        return maxBytes > 0 ? Math.min(maxBytes, deployment) : deployment;
    }

    public static long deploymentMaxBytes() {
        long v = ConfigProvider.getConfig().getOptionalValue(MAX_BYTES_PROPERTY, Long.class).orElse(DEFAULT_MAX_BYTES);
        return v > 0 ? v : DEFAULT_MAX_BYTES;
    }
}
