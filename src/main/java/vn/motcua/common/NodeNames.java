package vn.motcua.common;

import java.net.InetAddress;
import java.util.UUID;

/** A name for this node of a cluster in the rows it claims (its host and a random part: two starts on one host differ). */
public final class NodeNames {

    private NodeNames() {
    }

    public static String fresh() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
