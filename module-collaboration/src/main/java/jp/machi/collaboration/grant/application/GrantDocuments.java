package jp.machi.collaboration.grant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.grant.domain.GrantDocument;
import jp.machi.core.api.ApiException;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.Attachments;
import jp.machi.core.file.FilePolicy;
import jp.machi.core.file.domain.StoredFile;

/**
 * 提出書類: the files of a grant application (企画書, 収支予算書 …) in core's file service — documents and
 * images only (programs, HTML, SVG and unknown bytes never), at most {@link #MAX_FILES} per application;
 * each is one of the call's required documents or another document. Staff read them; no public page
 * shows them. Adding or removing one raises the application's version; files can be added until the
 * decision.
 */
@ApplicationScoped
@Transactional
public class GrantDocuments {

    public static final String OWNER_TYPE = "grant-application";
    public static final FilePolicy POLICY = FilePolicy.of(FilePolicy.DOCUMENTS_AND_IMAGES);
    public static final int MAX_FILES = 20;
    /** The document name of a file that is none of the call's required documents. */
    public static final String OTHER = "その他";

    @Inject
    Attachments attachments;

    @Inject
    GrantService grants;

    public record Added(GrantDocument document, StoredFile file) {
    }

    public static AttachmentOwner owner(UUID applicationId) {
        return AttachmentOwner.of(CollaborationModule.ID, OWNER_TYPE, applicationId);
    }

    public Added attach(GrantApplication a, String document, String fileName, InputStream body) {
        if (a.getState() == GrantApplicationState.ADOPTED || a.getState() == GrantApplicationState.REJECTED) {
            throw ApiException.conflict("grant-application-decided", "collaboration.grant.documentsClosed");
        }
        String name = document == null ? OTHER : document.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("document", "collaboration.grant.documentName")));
        }
        if (a.getDocuments().size() >= MAX_FILES) {
            throw ApiException.conflict("grant-documents-full", "collaboration.grant.documentsFull", MAX_FILES);
        }
        StoredFile f = attachments.store(owner(a.getId()), fileName, body, POLICY);
        grants.attach(a, f.getId(), name, f.getFileName());
        GrantDocument d = a.getDocuments().stream().filter(x -> x.getFileId().equals(f.getId())).findFirst().orElseThrow();
        return new Added(d, f);
    }

    public StoredFile file(GrantApplication a, UUID fileId) {
        return attachments.require(owner(a.getId()), fileId);
    }

    public byte[] content(StoredFile f) {
        return attachments.content(f);
    }

    public void remove(GrantApplication a, UUID fileId) {
        if (a.getState() == GrantApplicationState.ADOPTED || a.getState() == GrantApplicationState.REJECTED) {
            throw ApiException.conflict("grant-application-decided", "collaboration.grant.documentsClosed");
        }
        StoredFile f = file(a, fileId);
        grants.detach(a, fileId);
        attachments.delete(f);
    }
}
