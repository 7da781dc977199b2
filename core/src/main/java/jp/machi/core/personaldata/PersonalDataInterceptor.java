package jp.machi.core.personaldata;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.access.AccessRules;

/**
 * Masks every response centrally, so that no resource can forget it: before any entity is written
 * (JSON or {@code Csv.records}), its {@link PersonalData} components get the visibility
 * {@link PersonalDataPolicy} gives this endpoint's access rule, this caller and whether the
 * resource revealed personal data for this request.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class PersonalDataInterceptor implements WriterInterceptor {

    @Context
    ResourceInfo resource;

    @Inject
    PersonalDataDisclosure disclosure;

    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        Object entity = ctx.getEntity();
        if (entity != null) {
            var rule = resource == null ? java.util.Optional.<jp.machi.core.identity.Access>empty()
                    : AccessRules.ruleOf(resource.getResourceMethod(), resource.getResourceClass());
            Visibility v = PersonalDataPolicy.visibility(rule, CallerContext.current(), revealed());
            Object masked = PersonalDataFilter.apply(entity, v);
            if (masked != entity) {
                ctx.setEntity(masked);
            }
        }
        ctx.proceed();
    }

    private boolean revealed() {
        try {
            return disclosure.revealed();
        } catch (ContextNotActiveException noRequest) {
            return false;
        }
    }
}
