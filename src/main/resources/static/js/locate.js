// Fills the call's point from the phone's location, so the platform finds the nearest community.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('locate');
  if (!button || !navigator.geolocation) {
    if (button) { button.hidden = true; }
    return;
  }
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById('call-lat').value = pos.coords.latitude.toFixed(6);
      document.getElementById('call-lng').value = pos.coords.longitude.toFixed(6);
      button.textContent = pos.coords.latitude.toFixed(4) + ', ' + pos.coords.longitude.toFixed(4);
    });
  });
});
