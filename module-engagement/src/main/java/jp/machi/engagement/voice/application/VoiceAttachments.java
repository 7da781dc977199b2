package jp.machi.engagement.voice.application;

import java.util.UUID;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.FilePolicy;
import jp.machi.engagement.EngagementModule;

/** What a citizen voice takes as attachments: scanned letters, petitions, photos; personal data. */
public final class VoiceAttachments {

    public static final String OWNER_TYPE = "voice";
    public static final FilePolicy POLICY = FilePolicy.of(FilePolicy.DOCUMENTS_AND_IMAGES).withPersonalData();

    private VoiceAttachments() {
    }

    public static AttachmentOwner owner(UUID voiceId) {
        return AttachmentOwner.of(EngagementModule.ID, OWNER_TYPE, voiceId);
    }
}
