package jp.machi.collaboration.grant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 提出書類: a file of core's file service attached to a {@link GrantApplication} as one of its
 * documents (企画書, 収支予算書 …). A child row: adding or removing one raises the application's version.
 */
@Entity
@Table(name = "collaboration_grant_document")
public class GrantDocument extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private GrantApplication application;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Column(name = "document", nullable = false, length = 100)
    private String document;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    protected GrantDocument() {
    }

    GrantDocument(GrantApplication application, UUID fileId, String document, String fileName, OffsetDateTime addedAt) {
        this.application = application;
        this.fileId = fileId;
        this.document = document;
        this.fileName = fileName;
        this.addedAt = addedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getFileId() {
        return fileId;
    }

    public String getDocument() {
        return document;
    }

    public String getFileName() {
        return fileName;
    }

    public OffsetDateTime getAddedAt() {
        return addedAt;
    }
}
