package jp.machi.it.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Wires {@link BrowserTest} classes: skipped (or failed when required) without a browser; a fresh
 * {@link WebBrowser} on the shared server per test method, closed when the method ends.
 */
public final class BrowserExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        String why = WebBrowser.whyUnavailable();
        if (why == null) {
            return ConditionEvaluationResult.enabled("Chromium at " + WebBrowser.chromium());
        }
        if (WebBrowser.required()) {
            throw new ExtensionConfigurationException(why + ". A browser is required (-Dmachi.it.browser=required).");
        }
        return ConditionEvaluationResult.disabled(why + ". The browser tests are skipped;"
                + " -Dmachi.it.browser=required makes this a failure.");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MachiServer server = (MachiServer) new MachiExtension().resolveParameter(parameter, context); // the shared server (not an Api)
        WebBrowser browser = WebBrowser.start(server.baseUri());
        context.getStore(NAMESPACE).put(parameter.getIndex() + "-browser",
                (ExtensionContext.Store.CloseableResource) browser::close);
        return browser;
    }
}
