package jp.machi.core.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.file.domain.StoredFile;
import jp.machi.core.file.domain.StoredFileContent;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;

/**
 * Files attached to a module's records, in the municipality the transaction serves. The module
 * checks that the owner record exists first; everything here is then confined to that owner:
 * another owner's or municipality's file is "not found".
 *
 * <pre>{@code
 * AttachmentOwner owner = AttachmentOwner.of("engagement", "voice", voice.getId());
 * StoredFile f = attachments.store(owner, "市民の声（はがき）.pdf", in, FilePolicy.of(FilePolicy.DOCUMENTS_AND_IMAGES));
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class Attachments {

    @Inject
    Tenancy tenancy;

    /**
     * Reads the bytes (at most the policy's limit: 413 above it), checks the name (400), refuses an
     * empty file (400), a program, HTML, SVG or unknown bytes, and any kind the policy does not list
     * (415); then stores description and bytes. Nothing is written on a refusal.
     */
    public StoredFile store(AttachmentOwner owner, String fileName, InputStream in, FilePolicy policy) {
        String name = FileNames.validate("fileName", fileName);
        byte[] bytes = read(in, policy.limit());
        if (bytes.length == 0) {
            throw new ApiException(400, "empty-file", "files.empty");
        }
        FileKind.Detected type = ContentTypes.detect(bytes, name);
        if (FileKind.NEVER.contains(type.kind())) {
            throw new ApiException(415, "unsupported-file-type", "files.type.refused." + type.kind().name(),
                    FileKind.labels(policy.accepted()));
        }
        if (!policy.accepted().contains(type.kind())) {
            throw new ApiException(415, "unsupported-file-type", "files.type.notAccepted", type.kind().label(),
                    FileKind.labels(policy.accepted()));
        }
        EntityManager em = tenancy.em();
        UUID id = UUID.randomUUID();
        StoredFile f = new StoredFile(id, owner, name, type, bytes.length, sha256(bytes), policy.personalData(),
                OffsetDateTime.now(ZoneOffset.UTC), CallerContext.current().map(Caller::name).orElse("system"));
        em.persist(f);
        em.flush();
        em.persist(new StoredFileContent(id, bytes));
        em.flush();
        return f;
    }

    /** The owner's files, oldest first, one page counted and cut in the database; never their bytes. */
    public Page<StoredFile> list(AttachmentOwner owner, PageRequest paging) {
        int page = paging.page();
        int size = paging.size();
        long total = tenancy.em().createNamedQuery("StoredFile.countByOwner", Long.class)
                .setParameter("module", owner.moduleId()).setParameter("type", owner.type())
                .setParameter("owner", owner.id()).getSingleResult();
        List<StoredFile> items = byOwner(owner).setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .setMaxResults(size).getResultList();
        return new Page<>(items, page, size, total);
    }

    /** All of the owner's files (for a record's export or deletion; a record has few). */
    public List<StoredFile> all(AttachmentOwner owner) {
        return byOwner(owner).getResultList();
    }

    private jakarta.persistence.TypedQuery<StoredFile> byOwner(AttachmentOwner owner) {
        return tenancy.em().createNamedQuery("StoredFile.byOwner", StoredFile.class)
                .setParameter("module", owner.moduleId()).setParameter("type", owner.type())
                .setParameter("owner", owner.id());
    }

    /** The owner's file with this id, or 404. */
    public StoredFile require(AttachmentOwner owner, UUID id) {
        StoredFile f = tenancy.em().find(StoredFile.class, id);
        if (f == null || !f.belongsTo(owner)) {
            throw ApiException.notFound("files.notFound", id.toString());
        }
        return f;
    }

    /** The file's bytes (at most the deployment's maximum, so they are read whole). */
    public byte[] content(StoredFile f) {
        StoredFileContent c = tenancy.em().find(StoredFileContent.class, f.getId());
        if (c == null) {
            throw ApiException.notFound("files.notFound", f.getId().toString());
        }
        return c.getContent();
    }

    /** Deletes the file, its bytes first (the description's deletion is audited). */
    public void delete(StoredFile f) {
        EntityManager em = tenancy.em();
        em.createNamedQuery("StoredFileContent.delete").setParameter("id", f.getId()).executeUpdate();
        em.remove(f);
        em.flush();
    }

    /** Deletes all of the owner's files (its record was anonymised or deleted); returns how many. */
    public int deleteAll(AttachmentOwner owner) {
        List<StoredFile> files = all(owner);
        files.forEach(this::delete);
        return files.size();
    }

    private static byte[] read(InputStream in, long limit) {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        try (in) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    throw new ApiException(413, "payload-too-large", "files.tooLarge", limit);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new ApiException(400, "unreadable-body", "files.unreadable");
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
