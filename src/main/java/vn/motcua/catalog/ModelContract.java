package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.core.io.Resource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import vn.motcua.process.DossierProcess;
import vn.motcua.process.ProcessContract;

/**
 * The diagrams against the process contract: every name an expression reads (a condition, a timer,
 * a candidate group, an assignee, a listener) is a declared process variable or a bean of the
 * service; every call activity maps declared variables; every message and error is one the code
 * knows. A diagram that spells a variable the contract does not have is refused at start-up, not
 * found out by a dossier stuck at a gateway.
 */
final class ModelContract {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern GET_VARIABLE = Pattern.compile("getVariable(?:Local)?\\(\\s*'([^']*)'\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)");
    /** What EL itself provides, and the engine's own names in an expression. */
    private static final Set<String> BUILT_IN = Set.of("null", "true", "false", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private ModelContract() {
    }

    static List<String> problems(Resource[] bpmnFiles, Predicate<String> isBean) {
        List<String> problems = new ArrayList<>();
        Set<String> messages = constants(DossierProcess.Message.class);
        Set<String> errors = constants(DossierProcess.Errors.class);
        for (Resource file : bpmnFiles) {
            Document doc;
            try (InputStream in = file.getInputStream()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = factory.newDocumentBuilder().parse(in);
            } catch (IOException | SAXException | ParserConfigurationException e) {
                continue; // CatalogConsistency reports a file it cannot read
            }
            String name = file.getFilename();
            walk(doc.getDocumentElement(), name, isBean, problems);
            for (Element message : elements(doc, BPMN, "message")) {
                if (!messages.contains(message.getAttribute("name"))) {
                    problems.add(name + ": message " + message.getAttribute("name") + " is not one of DossierProcess.Message " + messages);
                }
            }
            for (Element error : elements(doc, BPMN, "error")) {
                if (!errors.contains(error.getAttribute("errorCode"))) {
                    problems.add(name + ": error " + error.getAttribute("errorCode") + " is not one of DossierProcess.Errors " + errors);
                }
            }
            for (String mapping : List.of("in", "out")) {
                for (Element m : elements(doc, CAMUNDA, mapping)) {
                    for (String attribute : List.of("source", "target")) {
                        String variable = m.getAttribute(attribute);
                        if (!variable.isEmpty() && ProcessContract.find(variable).isEmpty()) {
                            problems.add(name + ": camunda:" + mapping + " " + attribute + "=\"" + variable
                                    + "\" is not a variable of the process contract");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static void walk(Node node, String file, Predicate<String> isBean, List<String> problems) {
        if (node instanceof Element element) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                check(attributes.item(i).getNodeValue(), file, isBean, problems);
            }
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            if (!"documentation".equals(node.getParentNode().getLocalName())) {
                check(node.getNodeValue(), file, isBean, problems);
            }
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            walk(children.item(i), file, isBean, problems);
        }
    }

    private static void check(String text, String file, Predicate<String> isBean, List<String> problems) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) return;
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1);
            Matcher read = GET_VARIABLE.matcher(body);
            while (read.find()) {
                if (ProcessContract.find(read.group(1)).isEmpty()) {
                    problems.add(file + ": " + expression.group() + " reads '" + read.group(1) + "', which is not a variable of the process contract");
                }
            }
            Matcher name = IDENTIFIER.matcher(LITERAL.matcher(body).replaceAll("''"));
            while (name.find()) {
                String id = name.group(1);
                if (!BUILT_IN.contains(id) && ProcessContract.find(id).isEmpty() && !isBean.test(id)) {
                    problems.add(file + ": " + expression.group() + " uses '" + id
                            + "', which is neither a variable of the process contract nor a bean of the service");
                }
            }
        }
    }

    private static List<Element> elements(Document doc, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < list.getLength(); i++) found.add((Element) list.item(i));
        return found;
    }

    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new HashSet<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
