package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.file.Attachments;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.engagement.voice.domain.CitizenVoice;

/** Citizen voices in residents' data requests: export by e-mail or phone, anonymisation after closing. */
@ApplicationScoped
public class VoiceResidentData implements ResidentDataProvider {

    public static final String SOURCE = "engagement.voices";

    @Inject
    Tenancy tenancy;

    @Inject
    VoiceService voices;

    @Inject
    Attachments attachments;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("市民の声", "Citizen voices");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        var em = tenancy.bind(lgCode);
        Map<java.util.UUID, CitizenVoice> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("CitizenVoice.byEmail", CitizenVoice.class).setParameter("email", query.email())
                    .getResultList().forEach(v -> found.put(v.getId(), v));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("CitizenVoice.byPhone", CitizenVoice.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(v -> found.put(v.getId(), v));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(CitizenVoice::getReceivedAt))
                .map(this::record).toList();
    }

    private ResidentRecord record(CitizenVoice v) {
        Map<String, Object> data = new LinkedHashMap<>();
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
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(CitizenVoice.class), v.getId().toString(),
                v.getReceivedAt(), v.getAnonymisedAt() != null,
                PersonalDataFields.present(v).stream().filter(f -> !f.equals("senderPhoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (CitizenVoice v : tenancy.bind(lgCode).createNamedQuery("CitizenVoice.expired", CitizenVoice.class)
                .setParameter("closedBefore", retention.closedBefore()).getResultList()) {
            if (v.anonymise(now)) {
                attachments.deleteAll(VoiceAttachments.owner(v.getId()));
                n++;
            }
        }
        return n;
    }
}
