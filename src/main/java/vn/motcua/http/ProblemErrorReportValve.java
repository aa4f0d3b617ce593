package vn.motcua.http;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses before any servlet sees them (a NUL or malformed escape in the path, an
 * illegal header, a path that is not normalised) are answered like every other error of the
 * service: {@code application/problem+json} in Vietnamese, never Tomcat's HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || !response.setErrorReported()) {
            return;
        }
        Problem problem = status == 400
                ? Problem.badRequest(List.of(new Problem.FieldProblem("path", "địa chỉ hoặc tiêu đề yêu cầu không hợp lệ")))
                : new Problem(status, "HttpError", status >= 500 ? "Lỗi hệ thống" : "Yêu cầu không thực hiện được",
                        status >= 500 ? "Lỗi không mong đợi" : "Yêu cầu không thực hiện được (HTTP " + status + ")", List.of(), null);
        try {
            response.resetBuffer();
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(problem.bytes());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing to tell
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
