/**
 * C1, the directory: the district's territory (street → community → grid), its organs and their
 * duties, the party organisation tree, members, district leaders and the pairings between them;
 * the data scope every other module filters by; rule findings; import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.ronghe.directory;
