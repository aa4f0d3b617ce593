package vn.motcua.integrations;

import org.springframework.stereotype.Component;

/** For the diagrams: {@code ${postOffice.connected}} chooses the adapter or the clerk's manual path. */
@Component("postOffice")
public class PostOffice {

    private final IntegrationProperties.Peer post;

    PostOffice(IntegrationProperties properties) {
        this.post = properties.post();
    }

    public boolean isConnected() {
        return post.configured();
    }
}
