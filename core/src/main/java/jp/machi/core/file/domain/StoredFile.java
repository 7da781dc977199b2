package jp.machi.core.file.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.FileKind;
import jp.machi.core.persistence.TenantOwned;

/**
 * A stored file's description (添付ファイル): whose it is (module, owner type, owner id), its name,
 * the type read from its bytes, size, SHA-256, who stored it and when. The bytes are in
 * {@link StoredFileContent}, so that listing never loads them. Audited like any row; the bytes never are.
 */
@Entity
@Table(name = "stored_file")
@NamedQuery(name = "StoredFile.byOwner", query = "SELECT f FROM StoredFile f WHERE f.moduleId = :module"
        + " AND f.ownerType = :type AND f.ownerId = :owner ORDER BY f.createdAt, f.id")
@NamedQuery(name = "StoredFile.countByOwner", query = "SELECT COUNT(f) FROM StoredFile f WHERE f.moduleId = :module"
        + " AND f.ownerType = :type AND f.ownerId = :owner")
public class StoredFile extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "module_id", nullable = false, updatable = false, length = 40)
    private String moduleId;

    @Column(name = "owner_type", nullable = false, updatable = false, length = 60)
    private String ownerType;

    @Column(name = "owner_id", nullable = false, updatable = false, length = 64)
    private String ownerId;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private FileKind kind;

    @Column(name = "content_type", nullable = false, updatable = false, length = 120)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    /** The file belongs to a resident's record: never on a public endpoint, gone with the record's anonymisation. */
    @Column(name = "personal_data", nullable = false, updatable = false)
    private boolean personalData;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StoredFile() {
    }

    public StoredFile(UUID id, AttachmentOwner owner, String fileName, FileKind.Detected type, long sizeBytes,
            String sha256, boolean personalData, OffsetDateTime createdAt, String createdBy) {
        this.id = id;
        this.moduleId = owner.moduleId();
        this.ownerType = owner.type();
        this.ownerId = owner.id();
        this.fileName = fileName;
        this.kind = type.kind();
        this.contentType = type.mediaType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.personalData = personalData;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public boolean belongsTo(AttachmentOwner owner) {
        return moduleId.equals(owner.moduleId()) && ownerType.equals(owner.type()) && ownerId.equals(owner.id());
    }

    public UUID getId() {
        return id;
    }

    public String getModuleId() {
        return moduleId;
    }

    public String getOwnerType() {
        return ownerType;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getFileName() {
        return fileName;
    }

    public FileKind getKind() {
        return kind;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public boolean isPersonalData() {
        return personalData;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}
