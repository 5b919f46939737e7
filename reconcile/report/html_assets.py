"""The HTML report's inline style and script (the page loads nothing from elsewhere)."""

from __future__ import annotations

STYLE = """
*{box-sizing:border-box}
[hidden]{display:none!important}
body{font-family:system-ui,sans-serif;margin:0 auto;padding:0 1rem 3rem;max-width:72rem;
 color:#222;line-height:1.4;overflow-wrap:break-word}
pre.chain{overflow-wrap:anywhere}
h1{margin:1rem 0 .25rem}h2{margin-top:2rem;border-bottom:2px solid #ddd}
h3{margin:1.5rem 0 .25rem;font-size:1.05rem}h3 a{color:inherit;text-decoration:none}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.counts li{padding:.1rem .5rem;border-radius:.25rem}
nav ul{margin:.25rem 0;padding-left:1.2rem}
.verdict{font-size:.85rem;padding:0 .35rem;border-radius:.25rem;background:#eee}
.v-conflict{background:#b00020;color:#fff}.v-consistent{background:#1b7f3b;color:#fff}
.v-single,.v-invalid{background:#ddd}.v-explained{background:#6a3d9a;color:#fff}
.v-within-rounding{background:#00707a;color:#fff}
.label{color:#555;margin:0 0 .25rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
td,th{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}.quote{font-style:italic;color:#444}
tr.match td{background:#fff7c2}
.pairs li{margin:.25rem 0}code{font-size:.85rem}
details{margin:.25rem 0}summary{cursor:pointer;color:#0b57d0}
pre.chain{white-space:pre-wrap;font-size:.85rem;background:#f7f7f7;padding:.5rem;margin:.25rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0;
 padding:.5rem;background:#f6f8fa;border-radius:.25rem}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;max-width:100%}
form.filters select,form.filters input{max-width:100%;font-size:1rem}
.chart{margin:.5rem 0 1rem;max-width:48rem}
.bar-row{display:flex;align-items:center;gap:.5rem;margin:.15rem 0}
.bar-label{flex:0 0 38%;font-size:.85rem}
.track,.axis{position:relative;flex:1;height:1rem}
.track{border-left:1px solid #ddd}
.bar{position:absolute;top:.15rem;height:.7rem;border-radius:2px}
.bar.open{border-right:3px dashed #222}
.axis{border-top:1px solid #888;height:1.4rem;font-size:.7rem;color:#444}
.tick{position:absolute;top:.1rem;transform:translateX(-50%);white-space:nowrap}
.tick:first-child{transform:none}.tick:last-child{transform:translateX(-100%)}
figcaption{font-size:.8rem;color:#555}
.c0{background:#1f77b4}.c1{background:#d62728}.c2{background:#2ca02c}
.c3{background:#9467bd}.c4{background:#ff7f0e}.c5{background:#8c564b}
figure{margin:0}figure.small{max-width:20rem;display:inline-block;margin:.25rem 1rem .5rem 0}
svg.series{width:100%;height:auto}svg.series .baseline{stroke:#999}
svg.series .span{stroke:#1f77b4;stroke-width:3}svg.series circle{fill:#d62728}
@media (max-width:40rem){
 table.claims thead{display:none}
 table.claims,table.claims tbody,table.claims tr,table.claims td{display:block;width:100%}
 table.claims tr{border:1px solid #ccc;margin:.5rem 0;padding:.25rem}
 table.claims td{border:0;padding:.1rem .25rem}
 td.doc{overflow-wrap:anywhere}
 table.claims td[data-label]::before{content:attr(data-label) ": ";font-weight:bold;
  font-style:normal}
 .bar-label{flex-basis:45%}
 .tick{font-size:.6rem}
 .axis .tick:nth-child(even):not(:last-child){visibility:hidden}
 table.wide{display:block;overflow-x:auto}
}
"""

# Filter and search: hides the groups (and folded single-source rows) that do not match. The
# page is complete without it; the form stays hidden when scripts are off.
SCRIPT = """
(function(){
var form=document.getElementById('filters');if(!form)return;form.hidden=false;
var groups=[].slice.call(document.querySelectorAll('[data-group]'));
var count=document.getElementById('shown');
function apply(){
 var v=form.verdict.value,e=form.entity.value,m=form.metric.value,s=form.source.value;
 var q=form.q.value.trim().toLowerCase(),shown=0,active=!!(v||e||m||s||q);
 groups.forEach(function(g){
  var ok=(!v||g.getAttribute('data-verdict')===v)&&(!e||g.getAttribute('data-entity')===e)
   &&(!m||g.getAttribute('data-metric')===m)
   &&(!s||g.getAttribute('data-sources').split('|').indexOf(s)>=0)
   &&(!q||g.getAttribute('data-text').indexOf(q)>=0);
  g.hidden=!ok;if(ok)shown++;
  [].forEach.call(g.querySelectorAll('[data-row]'),function(r){
   r.classList.toggle('match',!!q&&r.getAttribute('data-row').indexOf(q)>=0);});
 });
 [].forEach.call(document.querySelectorAll('[data-section]'),function(sec){
  var any=sec.querySelector('[data-group]:not([hidden])');
  var none=sec.querySelector('.none');if(none)none.hidden=!!any||!active;
  var fold=sec.querySelector('details.fold');if(fold&&active&&any)fold.open=true;
 });
 count.textContent=shown+' of '+groups.length+' groups shown';
}
form.addEventListener('input',apply);form.addEventListener('change',apply);
form.addEventListener('submit',function(ev){ev.preventDefault();});
apply();
})();
"""
