package vn.motcua.engine;

import java.beans.FeatureDescriptor;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Expressions that name one of motcua's delegates ({@code ${stepWarning}}, {@code ${markLate}}) resolve to the bean
 * without reading the dossier's variables first.
 *
 * <p>Camunda's Spring expression manager asks the variables before the beans: to resolve {@code ${stepWarning}} it
 * loaded every variable of the task, its execution and every parent up to the dossier's instance, only to find no
 * variable of that name. In the benchmark's burst of 20,000 deadline timers that was about one job's CPU in seven on the
 * nodes (JFR) and several queries per timer on the database, the burst's bottleneck. Names of beans that are delegates
 * (a {@link JavaDelegate}, {@link TaskListener}, {@link ExecutionListener} or {@link ActivityBehavior}) now resolve to
 * the bean first; every other name resolves as before. A side effect, wanted: a process variable can no longer take the
 * place of one of motcua's delegates by having its name.
 */
class DelegatesFirstExpressionManager extends SpringExpressionManager {

    DelegatesFirstExpressionManager(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new DelegateBeans(applicationContext));
        resolver.add(super.createElResolver());
        return resolver;
    }

    /** Resolves a top-level name that is a delegate bean's; leaves every other name to the next resolver. */
    static final class DelegateBeans extends ELResolver {
        private static final Class<?>[] DELEGATE_TYPES = {JavaDelegate.class, TaskListener.class, ExecutionListener.class,
                ActivityBehavior.class};

        private final ApplicationContext context;
        private volatile Set<String> names;

        DelegateBeans(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public Object getValue(ELContext elContext, Object base, Object property) {
            if (base == null && property instanceof String name && delegateNames().contains(name)) {
                elContext.setPropertyResolved(true);
                return context.getBean(name);
            }
            return null;
        }

        /** Read once, when the first expression is evaluated: the context is complete by then. */
        private Set<String> delegateNames() {
            Set<String> known = names;
            if (known == null) {
                known = new HashSet<>();
                for (Class<?> type : DELEGATE_TYPES) {
                    known.addAll(Set.of(context.getBeanNamesForType(type, true, false)));
                }
                names = known;
            }
            return known;
        }

        @Override
        public Class<?> getType(ELContext elContext, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext elContext, Object base, Object property, Object value) {
            // never resolves a write: writes go to variables as before
        }

        @Override
        public boolean isReadOnly(ELContext elContext, Object base, Object property) {
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
            return base == null ? String.class : null;
        }
    }
}
