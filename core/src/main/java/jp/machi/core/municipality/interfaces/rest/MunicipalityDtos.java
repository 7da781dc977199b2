package jp.machi.core.municipality.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.municipality.domain.Prefecture;

/** JSON shapes of the municipality API. */
public final class MunicipalityDtos {

    private MunicipalityDtos() {
    }

    /** Kana readings: hiragana or katakana, with the long-vowel mark, middle dot and spaces. */
    static final String KANA = "^[\\p{IsHiragana}\\p{IsKatakana}ー・ 　]+$";

    @JsonbPropertyOrder({"code", "nameJa", "nameKana", "nameEn", "prefecture"})
    public record MunicipalityView(String code, String nameJa, String nameKana, String nameEn, PrefectureView prefecture) {
        static MunicipalityView of(Municipality m) {
            return new MunicipalityView(m.getCode().value(), m.getNameJa(), m.getNameKana(), m.getNameEn(),
                    PrefectureView.of(m.getPrefecture()));
        }
    }

    @JsonbPropertyOrder({"code", "nameJa", "nameEn"})
    public record PrefectureView(String code, String nameJa, String nameEn) {
        static PrefectureView of(Prefecture p) {
            return new PrefectureView(p.twoDigitCode(), p.displayName().ja(), p.displayName().en());
        }
    }

    /** A municipality to register. */
    public static class NewMunicipality extends MunicipalityNames {
        @NotBlank
        public String code;
    }

    /** A municipality's names. */
    public static class MunicipalityNames {
        @NotBlank
        @Size(max = 100)
        public String nameJa;

        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = KANA, message = "{machi.validation.kana}")
        public String nameKana;

        @NotBlank
        @Size(max = 200)
        public String nameEn;
    }
}
