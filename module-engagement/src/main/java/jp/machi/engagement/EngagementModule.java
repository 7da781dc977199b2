package jp.machi.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.calendar.Deadline;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.ModuleDescriptor;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.core.module.UiContribution;
import jp.machi.engagement.comment.interfaces.rest.CommentProcedureResource;
import jp.machi.engagement.comment.interfaces.rest.CommentPublicResource;
import jp.machi.engagement.comment.interfaces.rest.CommentSubmissionResource;
import jp.machi.engagement.hearing.HearingResource;
import jp.machi.engagement.interfaces.rest.EngagementApi;
import jp.machi.engagement.comment.application.CommentMetrics;
import jp.machi.engagement.voice.application.VoiceMetrics;
import jp.machi.engagement.voice.interfaces.rest.VoiceAttachmentResource;
import jp.machi.engagement.voice.interfaces.rest.VoiceAnswerResource;
import jp.machi.engagement.voice.interfaces.rest.VoiceLetterResource;
import jp.machi.engagement.voice.interfaces.rest.VoiceRoutingResource;
import jp.machi.engagement.voice.interfaces.rest.VoiceResource;
import jp.machi.engagement.voice.interfaces.rest.VoiceCategoryResource;
import jp.machi.engagement.open311.interfaces.rest.Open311KeyResource;
import jp.machi.engagement.open311.interfaces.rest.Open311Resource;
import jp.machi.engagement.meeting.application.MeetingMetrics;
import jp.machi.engagement.meeting.interfaces.rest.MeetingResource;
import jp.machi.engagement.proposal.application.ProposalMetrics;
import jp.machi.engagement.proposal.interfaces.rest.ProposalResource;
import jp.machi.engagement.survey.interfaces.rest.SurveyResource;

/** The engagement module's descriptor: 広聴 (Public hearing). */
@ApplicationScoped
public class EngagementModule implements ModuleDescriptor {

    public static final String ID = "engagement";

    /** 回答期限 (日): days from receipt to the answer deadline of a citizen voice (つくば市: 40). */
    public static final String ANSWER_DEADLINE_DAYS = "answerDeadlineDays";

    /** How those days count: CALENDAR (暦日, default) or BUSINESS (開庁日: 横浜市 10 business days). */
    public static final String ANSWER_DEADLINE_UNIT = "answerDeadlineUnit";

    /** 市民の声への回答: may submit any voice's answer for approval, besides the voice's unit. */
    public static final String RESPONDER = "engagement.responder";

    /** 回答の決裁: approves a voice's answer or returns it with a reason. */
    public static final String APPROVER = "engagement.approver";

    /** 所属長: gets the escalation of the unit's voices whose answer deadline passed. */
    public static final String UNIT_HEAD = "engagement.unitHead";

    /** 広聴担当課: the code of the unit that gets every escalation (empty: none). */
    public static final String HEARING_OFFICE_UNIT = "hearingOfficeUnitCode";

    /** パブリックコメントの最短期間 (日): a shorter period needs a published reason (default 30). */
    public static final String COMMENT_MINIMUM_DAYS = "publicCommentMinimumDays";

    /** パブリックコメントの提出に氏名を必須とするか (default: yes). */
    public static final String COMMENT_NAME_REQUIRED = "publicCommentNameRequired";

    /** パブリックコメントの提出に住所を必須とするか (default: yes). */
    public static final String COMMENT_ADDRESS_REQUIRED = "publicCommentAddressRequired";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("広聴", "Public hearing");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String coreVersionRange() {
        return "[0.1,1.0)";
    }

    @Override
    public String changelog() {
        return "db/machi/engagement/changelog.xml";
    }

    @Override
    public List<Class<?>> resources() {
        return List.of(EngagementApi.class, VoiceResource.class, VoiceAttachmentResource.class,
                VoiceAnswerResource.class, VoiceCategoryResource.class, Open311KeyResource.class, Open311Resource.class,
                VoiceRoutingResource.class, VoiceLetterResource.class, CommentProcedureResource.class,
                CommentSubmissionResource.class, CommentPublicResource.class, HearingResource.class,
                ProposalResource.class, MeetingResource.class, SurveyResource.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(
                new RoleDefinition(RESPONDER, LocalizedText.of("市民の声への回答", "Answer citizen voices")),
                new RoleDefinition(APPROVER, LocalizedText.of("回答の決裁", "Approve answers to citizen voices")),
                new RoleDefinition(UNIT_HEAD, LocalizedText.of("所属長 (回答期限超過の督促を受ける)",
                        "Unit head (escalations of overdue citizen voices)")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition(ANSWER_DEADLINE_DAYS, LocalizedText.of("回答期限 (日)", "Answer deadline (days)"), SettingDefinition.Type.INTEGER, "40"),
                Deadline.unitSetting(ANSWER_DEADLINE_UNIT, LocalizedText.of("回答期限の数え方 (CALENDAR: 暦日 / BUSINESS: 開庁日)",
                        "Answer deadline counted in (CALENDAR: calendar days / BUSINESS: business days)")),
                new SettingDefinition(HEARING_OFFICE_UNIT, LocalizedText.of("広聴担当課の組織コード (回答期限超過の督促を受ける)",
                        "Public hearing office's unit code (gets overdue escalations)"), SettingDefinition.Type.STRING, ""),
                new SettingDefinition(COMMENT_MINIMUM_DAYS, LocalizedText.of("パブリックコメントの最短期間 (日)", "Minimum public comment period (days)"), SettingDefinition.Type.INTEGER, "30"),
                new SettingDefinition(COMMENT_NAME_REQUIRED, LocalizedText.of("パブリックコメントの提出に氏名を必須とする",
                        "Public comment submissions require a name"), SettingDefinition.Type.BOOLEAN, "true"),
                new SettingDefinition(COMMENT_ADDRESS_REQUIRED, LocalizedText.of("パブリックコメントの提出に住所を必須とする",
                        "Public comment submissions require an address"), SettingDefinition.Type.BOOLEAN, "true"));
    }

    /**
     * Voices received, needing a written answer, answered within the deadline per fiscal year
     * ({@link VoiceMetrics}); proposals received and realised ({@link ProposalMetrics}); town meetings held,
     * participants, opinions recorded and closed ({@link MeetingMetrics}). Survey questions marked for
     * indicators add metrics of their own per municipality ({@code SurveyMetrics#offered}).
     */
    @Override
    public List<MetricDefinition> metrics() {
        return java.util.stream.Stream.of(VoiceMetrics.DEFINITIONS, CommentMetrics.DEFINITIONS,
                ProposalMetrics.DEFINITIONS, MeetingMetrics.DEFINITIONS)
                .flatMap(List::stream).toList();
    }

    @Override
    public List<UiContribution> ui() {
        return List.of(
                new UiContribution("engagement-voices", UiContribution.Area.CONSOLE, LocalizedText.of("市民の声", "Citizen voices"), "voices-console.js", 20),
                new UiContribution("engagement-voice-categories", UiContribution.Area.CONSOLE,
                        LocalizedText.of("市民の声の分類・Open311", "Voice categories and Open311"), "voice-categories-console.js", 21),
                new UiContribution("engagement-comments", UiContribution.Area.CONSOLE,
                        LocalizedText.of("パブリックコメント", "Public comments"), "public-comments-console.js", 22),
                new UiContribution("engagement-hearing", UiContribution.Area.PORTAL,
                        LocalizedText.of("ご意見・意見募集", "Have your say"), "hearing.js", 19),
                new UiContribution("engagement-published-voices", UiContribution.Area.PORTAL,
                        LocalizedText.of("市民の声", "Citizen voices"), "voices.js", 20),
                new UiContribution("engagement-public-comments", UiContribution.Area.PORTAL,
                        LocalizedText.of("パブリックコメント", "Public comments"), "public-comments.js", 21),
                new UiContribution("engagement-proposals", UiContribution.Area.CONSOLE,
                        LocalizedText.of("まちづくり提言", "Citizen proposals"), "proposals-console.js", 23),
                new UiContribution("engagement-published-proposals", UiContribution.Area.PORTAL,
                        LocalizedText.of("まちづくり提言", "Citizen proposals"), "proposals.js", 22),
                new UiContribution("engagement-meetings", UiContribution.Area.CONSOLE,
                        LocalizedText.of("タウンミーティング", "Town meetings"), "meetings-console.js", 24),
                new UiContribution("engagement-published-meetings", UiContribution.Area.PORTAL,
                        LocalizedText.of("タウンミーティング", "Town meetings"), "meetings.js", 23),
                new UiContribution("engagement-surveys-console", UiContribution.Area.CONSOLE,
                        LocalizedText.of("アンケート", "Surveys"), "surveys-console.js", 25),
                new UiContribution("engagement-surveys", UiContribution.Area.PORTAL,
                        LocalizedText.of("アンケート", "Surveys"), "surveys.js", 24));
    }
}
