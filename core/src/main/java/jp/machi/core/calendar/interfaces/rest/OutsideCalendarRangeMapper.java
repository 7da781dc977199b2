package jp.machi.core.calendar.interfaces.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.calendar.JapaneseHolidays;
import jp.machi.core.calendar.OutsideCalendarRangeException;

/** A date the calendar does not cover, reached by any endpoint: 400, naming the supported years. */
@Provider
public class OutsideCalendarRangeMapper implements ExceptionMapper<OutsideCalendarRangeException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(OutsideCalendarRangeException e) {
        return Problems.response(headers, new ApiException(400, "outside-calendar-range", "calendar.outOfRange",
                String.valueOf(e.year()),
                String.valueOf(JapaneseHolidays.FIRST_YEAR), String.valueOf(JapaneseHolidays.LAST_YEAR)));
    }
}
