package vn.motcua.organisation;

/** Gives the initial password of a user the provisioning creates. */
@FunctionalInterface
public interface InitialPasswords {

    String issue(String userId);
}
