package vn.motcua.organisation;

/** Gives the initial password of a user the provisioning creates (or enables again). */
@FunctionalInterface
public interface InitialPasswords {

    /** @param email the official's address, or null */
    String issue(String userId, String fullName, String email);
}
