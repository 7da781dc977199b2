package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.file.Attachments;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.engagement.voice.domain.CitizenVoice;

/** Citizen voices in residents' data requests: export by e-mail or phone, anonymisation after closing. */
@ApplicationScoped
public class VoiceResidentData extends EntityResidentData<CitizenVoice> {

    public static final String SOURCE = "engagement.voices";

    @Inject
    VoiceService voices;

    @Inject
    Attachments attachments;

    public VoiceResidentData() {
        super(SOURCE, LocalizedText.of("市民の声", "Citizen voices"), CitizenVoice.class,
                Lookup.byEmailOrPhone("CitizenVoice.byEmail", "CitizenVoice.byPhone", "senderPhoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(CitizenVoice v) {
        return v.getReceivedAt();
    }

    @Override
    protected void data(CitizenVoice v, Map<String, Object> data) {
        data.put("receiptNumber", v.getReceiptNumber());
        data.put("receivedAt", v.getReceivedAt().atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime().toString());
        data.put("channel", v.getChannel().name());
        data.put("category", v.getCategory());
        data.put("subject", v.getSubject());
        data.put("body", v.getBody());
        data.put("senderName", v.getSenderName());
        data.put("senderAddress", v.getSenderAddress());
        data.put("senderPhone", v.getSenderPhone());
        data.put("senderEmail", v.getSenderEmail());
        data.put("wantsReply", v.isWantsReply());
        data.put("unitName", voices.unitName(v.getUnitId()).orElse(null));
        data.put("status", v.getStatus().name());
        data.put("answerDue", v.getAnswerDue().toString());
        data.put("answer", v.getAnswer());
        data.put("published", v.isPublished());
        data.put("closedAt", v.getClosedAt() == null ? null : v.getClosedAt().toString());
        // The files by reference (name, type, size, checksum, id): the administrator downloads them from the voice.
        data.put("attachments", attachments.all(VoiceAttachments.owner(v.getId())).stream()
                .map(f -> f.getFileName() + " (" + f.getContentType() + ", " + f.getSizeBytes() + " B, sha256 "
                        + f.getSha256() + ", id " + f.getId() + ")")
                .toList());
    }

    @Override
    protected List<CitizenVoice> expired(Retention retention) {
        return query("CitizenVoice.expired").setParameter("closedBefore", retention.closedBefore()).getResultList();
    }

    /** A voice's files go with its sender's personal data. */
    @Override
    protected void anonymised(CitizenVoice v) {
        attachments.deleteAll(VoiceAttachments.owner(v.getId()));
    }
}
