package jp.machi.collaboration.sponsorship.application;

import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.FilePolicy;

/** What a sponsorship application takes as attachments: 開催要項, 収支予算書, チラシ案 (documents and images). */
public final class SponsorshipAttachments {

    public static final String OWNER_TYPE = "sponsorship";
    public static final FilePolicy POLICY = FilePolicy.of(FilePolicy.DOCUMENTS_AND_IMAGES);

    private SponsorshipAttachments() {
    }

    public static AttachmentOwner owner(UUID id) {
        return AttachmentOwner.of(CollaborationModule.ID, OWNER_TYPE, id);
    }
}
