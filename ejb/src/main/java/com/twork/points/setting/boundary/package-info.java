/** Business settings as one validated, typed snapshot seen by every instance within seconds. */
package com.twork.points.setting.boundary;
