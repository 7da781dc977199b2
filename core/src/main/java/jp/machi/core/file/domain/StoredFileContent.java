package jp.machi.core.file.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.audit.NotAudited;
import jp.machi.core.persistence.TenantOwned;

/**
 * A stored file's bytes, one row per {@link StoredFile} with the same id ({@code BLOB}: {@code bytea}
 * on PostgreSQL). Not audited: the trail records the {@link StoredFile} row with its size and SHA-256,
 * never the bytes. Written once, never changed.
 */
@Entity
@NotAudited
@Table(name = "stored_file_content")
@NamedQuery(name = "StoredFileContent.delete", query = "DELETE FROM StoredFileContent c WHERE c.id = :id")
public class StoredFileContent extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    protected StoredFileContent() {
    }

    public StoredFileContent(UUID id, byte[] content) {
        this.id = id;
        this.content = content;
    }

    public UUID getId() {
        return id;
    }

    public byte[] getContent() {
        return content;
    }
}
