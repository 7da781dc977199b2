package jp.machi.engagement.comment.application;

import java.util.EnumSet;
import java.util.UUID;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.FileKind;
import jp.machi.core.file.FilePolicy;
import jp.machi.engagement.EngagementModule;

/**
 * A public comment's documents: the draft, its explanation, the final text. PDF only, published
 * with the procedure once it is announced, so never personal data.
 */
public final class CommentDocuments {

    public static final String OWNER_TYPE = "public-comment";
    public static final FilePolicy POLICY = FilePolicy.of(EnumSet.of(FileKind.PDF));

    private CommentDocuments() {
    }

    public static AttachmentOwner owner(UUID procedureId) {
        return AttachmentOwner.of(EngagementModule.ID, OWNER_TYPE, procedureId);
    }
}
