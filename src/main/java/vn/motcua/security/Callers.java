package vn.motcua.security;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The caller of the current API request, as the authentication filter found it. */
public final class Callers {

    static final String ATTRIBUTE = Callers.class.getName();

    private Callers() {
    }

    /** The caller, who must have given credentials. */
    public static Caller authenticated() {
        Caller caller = current();
        if (caller instanceof Caller.Anonymous) {
            throw new Unauthenticated();
        }
        return caller;
    }

    public static Caller current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object caller = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return caller instanceof Caller c ? c : new Caller.Anonymous();
    }
}
