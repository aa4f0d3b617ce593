package vn.motcua.security;

/** The endpoint needs credentials and the request carried none (HTTP 401). */
public class Unauthenticated extends RuntimeException {

    public Unauthenticated() {
        super("Cần đăng nhập (HTTP Basic) hoặc khóa API (X-API-Key)");
    }
}
