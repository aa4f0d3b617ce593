package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's SQL conditions read a query's properties as OGNL does, the fields without getters included. */
class QueryPropertyAccessTest {

    /** A query as Camunda writes them: fields, some with getters, one read method in another case. */
    @SuppressWarnings("unused")
    static final class Query {
        protected String tenantId = "tan-giang";
        private boolean withoutDueDate;
        protected List<String> candidateGroups = List.of("tan-giang:vp:head", "tan-giang:vp:specialist");
        private final String name = "Thẩm định hồ sơ";
        protected String assigneeLike;

        public String getName() {
            return name;
        }

        public boolean isURLSafe() {
            return true;
        }
    }

    private final ExpressionEvaluator evaluator = new ExpressionEvaluator();

    @BeforeAll
    static void installed() {
        QueryPropertyAccess.install();
    }

    @Test
    void fieldsWithoutAGetterAreReadFromTheField() {
        Query q = new Query();
        assertThat(evaluator.evaluateBoolean("tenantId != null and tenantId == 'tan-giang'", q)).isTrue();
        assertThat(evaluator.evaluateBoolean("!withoutDueDate", q)).isTrue();
        assertThat(evaluator.evaluateBoolean("assigneeLike != null", q)).isFalse();
        assertThat((Iterable<Object>) evaluator.evaluateIterable("candidateGroups", q)).containsExactly("tan-giang:vp:head", "tan-giang:vp:specialist");
        q.tenantId = "hoa-chung";
        assertThat(evaluator.evaluateBoolean("tenantId == 'hoa-chung'", q)).as("read each time, never the value remembered").isTrue();

        QueryPropertyAccess access = QueryPropertyAccess.instance();
        assertThat(access.lookup(Query.class, "tenantId")).isEqualTo(new QueryPropertyAccess.Lookup(false, null));
        assertThat(access.lookup(Query.class, "withoutDueDate")).isEqualTo(new QueryPropertyAccess.Lookup(false, null));
    }

    @Test
    void propertiesWithAReadMethodGoThroughIt() throws Exception {
        Query q = new Query();
        assertThat(evaluator.evaluateBoolean("name == 'Thẩm định hồ sơ'", q)).isTrue();
        assertThat(evaluator.evaluateBoolean("URLSafe", q)).isTrue();
        assertThat(evaluator.evaluateBoolean("urlsafe", q)).as("a read method OGNL finds in another case").isTrue();
        assertThat(QueryPropertyAccess.instance().lookup(Query.class, "name").getter()).isTrue();
        assertThat(QueryPropertyAccess.instance().lookup(Query.class, "urlsafe").readMethod()).as("found by OGNL's search, remembered")
                .isEqualTo(Query.class.getMethod("isURLSafe"));
    }

    @Test
    void aPropertyThatDoesNotExistIsStillAnError() {
        assertThatThrownBy(() -> evaluator.evaluateBoolean("noSuchProperty != null", new Query()))
                .hasMessageContaining("noSuchProperty");
    }

    @Test
    void itIsTheAccessorOfCamundasQueries() throws Exception {
        assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(QueryPropertyAccess.instance());
        TaskQueryImpl query = new TaskQueryImpl();
        query.taskAssignee("tan-giang.vp.head").tenantIdIn("tan-giang");
        assertThat(evaluator.evaluateBoolean("assignee == 'tan-giang.vp.head'", query)).isTrue();
        assertThat(evaluator.evaluateBoolean("isTenantIdSet", query)).as("through its getter").isEqualTo(query.getIsTenantIdSet());
        TaskQueryImpl withoutTenant = new TaskQueryImpl();
        withoutTenant.withoutTenantId();
        assertThat(evaluator.evaluateBoolean("isTenantIdSet", withoutTenant)).isEqualTo(withoutTenant.getIsTenantIdSet());
        assertThat((Iterable<Object>) evaluator.evaluateIterable("tenantIds", query)).containsExactly("tan-giang");
    }
}
