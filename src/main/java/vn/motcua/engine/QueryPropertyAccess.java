package vn.motcua.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * How MyBatis reads a property of a query object while it builds the engine's SQL, with the
 * lookup OGNL never remembers remembered.
 *
 * <p>Camunda's queries are MyBatis statements whose SQL is made per call from their conditions
 * ({@code <if test="...">}), evaluated by OGNL against the query object. For a property without a
 * JavaBeans getter of that exact name (a field, or a method such as {@code isTenantIdSet}) OGNL
 * searches the class's read methods again on every evaluation (all its public methods, names
 * compared ignoring case); its cache keeps only the getters. A flight recording of Tasklist's calls
 * at 200,000 open dossiers showed that search at a third of the time spent building the SQL (benchmark
 * "inbox"). This accessor remembers, per class and property, what the search finds (a method, or
 * nothing) and then does what OGNL's {@code getMethodValue} and {@code getFieldValue} do with it:
 * the member access check, the call, the field when there is no method. Properties with a getter
 * go the usual way. The answers are the same: a class's methods do not change while it is loaded.
 */
public final class QueryPropertyAccess extends ObjectPropertyAccessor {

    private static final QueryPropertyAccess INSTANCE = new QueryPropertyAccess();

    /** What OGNL finds for a property: its cached getter, else the read method its search finds (null: none). */
    record Lookup(boolean getter, Method readMethod) {
    }

    private final Map<Class<?>, Map<String, Lookup>> lookups = new ConcurrentHashMap<>();

    private QueryPropertyAccess() {
    }

    /**
     * Makes this the accessor OGNL uses for plain objects (it is global, like OGNL's own registry);
     * maps, lists, arrays and MyBatis' own context keep theirs. Idempotent.
     */
    public static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, INSTANCE);
    }

    /** The accessor {@link #install} registers. */
    static QueryPropertyAccess instance() {
        return INSTANCE;
    }

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
        Lookup lookup = target == null ? null : lookup(target.getClass(), name);
        if (lookup == null || lookup.getter()) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            Object result = lookup.readMethod() == null ? OgnlRuntime.NotFound : invoke(context, target, name, lookup.readMethod());
            return result == OgnlRuntime.NotFound ? OgnlRuntime.getFieldValue(context, target, name, true) : result;
        } catch (OgnlException e) {
            throw e;
        } catch (Exception e) {
            throw new OgnlException(name, e);
        }
    }

    /** OGNL's {@code getMethodValue(context, target, name, true)} once it has the read method. */
    private static Object invoke(OgnlContext context, Object target, String name, Method method) throws Exception {
        if (!context.getMemberAccess().isAccessible(context, target, method, name)) {
            return OgnlRuntime.NotFound;
        }
        try {
            return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        }
    }

    Lookup lookup(Class<?> type, String name) {
        return lookups.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(name,
                n -> OgnlRuntime.getGetMethod(type, n) != null ? new Lookup(true, null) : new Lookup(false, OgnlRuntime.getReadMethod(type, n, null)));
    }
}
