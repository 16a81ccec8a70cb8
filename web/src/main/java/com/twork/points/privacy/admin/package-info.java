/** The console's part of a customer's data rights: "Export data" and "Erase member" on the member page. */
package com.twork.points.privacy.admin;
