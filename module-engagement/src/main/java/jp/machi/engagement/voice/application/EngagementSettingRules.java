package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import jp.machi.core.calendar.Deadline;
import jp.machi.core.module.SettingValidator;
import jp.machi.engagement.EngagementModule;

/** What the engagement module accepts as a municipality's settings beyond their declared types. */
@ApplicationScoped
public class EngagementSettingRules implements SettingValidator {

    /** Longest answer deadline or comment period: a year. */
    static final long MAX_DAYS = 366;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public Optional<Refusal> check(String key, String value) {
        if (EngagementModule.ANSWER_DEADLINE_DAYS.equals(key) || "publicCommentMinimumDays".equals(key)) {
            long days = Long.parseLong(value.strip());
            return days < 1 || days > MAX_DAYS ? Optional.of(new Refusal("engagement.setting.days", 1, MAX_DAYS))
                    : Optional.empty();
        }
        if (EngagementModule.ANSWER_DEADLINE_UNIT.equals(key)) {
            return Deadline.Unit.parse(value).isEmpty() ? Optional.of(new Refusal("engagement.setting.deadlineUnit"))
                    : Optional.empty();
        }
        if (EngagementModule.HEARING_OFFICE_UNIT.equals(key)) {
            return value.isBlank() || value.strip().matches("[A-Za-z0-9_-]{1,20}") ? Optional.empty()
                    : Optional.of(new Refusal("engagement.setting.unitCode"));
        }
        return Optional.empty();
    }
}
